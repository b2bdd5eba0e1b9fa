import Foundation
@testable import Stoplicht
import Testing

/// WeasyPrint is a separate program: one that hangs is stopped at the deadline; documents are
/// made no more at once than there are slots.
@Suite struct PDFDeadlineTests {
    /// A stand-in for weasyprint that writes `lines` of chatter to stderr and then sleeps.
    func fakeWeasyPrint(sleeping seconds: Int, chatter lines: Int = 0) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("weasyprint-\(UUID().uuidString)").path
        let script = """
        #!/bin/sh
        i=0; while [ $i -lt \(lines) ]; do echo "WARNING: regel $i van de uitvoer die niemand leest, maar die de pijp wel vult" >&2; i=$((i+1)); done
        exec sleep \(seconds)
        """
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func aRendererThatHangsIsStoppedAndTheReaderToldInDutch() async throws {
        let hanging = try fakeWeasyPrint(sleeping: 600, chatter: 5_000)  // ~400 kB: more than a pipe holds
        defer { try? FileManager.default.removeItem(atPath: hanging) }
        let start = Date()
        await #expect(throws: InputError(Strings.pdfTookTooLong(seconds: 1), status: .serviceUnavailable)) {
            _ = try await PDFRenderer.render(html: "<html><head></head><body></body></html>", title: "t", author: "a",
                                             timeout: 1, environment: ["STOPLICHT_WEASYPRINT": hanging])
        }
        // Well before the stand-in would end by itself; the slots may first wait for the
        // suite's real PDFs (two at a time on this machine).
        let took = Date().timeIntervalSince(start)
        #expect(took >= 1 && took < 300, "stopped after \(took) s")
        #expect(Strings.pdfTookTooLong(seconds: 60).contains("na 60 seconden nog niet klaar"))
    }

    @Test func aRendererThatEndsWithoutAPDFIsAnErrorNotAHang() async throws {
        let quick = try fakeWeasyPrint(sleeping: 0)
        defer { try? FileManager.default.removeItem(atPath: quick) }
        do {
            _ = try await PDFRenderer.render(html: "<html><head></head><body></body></html>", title: "t", author: "a",
                                             timeout: 5, environment: ["STOPLICHT_WEASYPRINT": quick])
            Issue.record("a renderer that wrote nothing gave a PDF")
        } catch let error as InputError {
            Issue.record("not a timeout: \(error)")
        } catch {
            #expect(String(describing: error).contains("WeasyPrint kon de PDF niet maken (status 0)"))
        }
    }

    @Test func noMoreHoldersThanSlots() async throws {
        actor Gauge {
            var now = 0, most = 0
            func enter() { now += 1; most = max(most, now) }
            func leave() { now -= 1 }
        }
        let slots = RenderSlots(count: 2)
        let gauge = Gauge()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try? await slots.holding {
                        await gauge.enter()
                        try await Task.sleep(for: .milliseconds(30))
                        await gauge.leave()
                    }
                }
            }
        }
        #expect(await gauge.most == 2)
        #expect(await gauge.now == 0)

        // A failure gives its slot back.
        struct Failed: Error {}
        let one = RenderSlots(count: 1)
        await #expect(throws: Failed.self) { try await one.holding { throw Failed() } }
        let after = try await one.holding { "weer vrij" }
        #expect(after == "weer vrij")
    }
}
