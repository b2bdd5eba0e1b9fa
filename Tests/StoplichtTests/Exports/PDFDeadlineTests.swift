import Foundation
import Logging
import Testing
import Vapor

@testable import Stoplicht

#if canImport(Glibc)
    import Glibc
#endif

/// WeasyPrint is a separate program: one that hangs is stopped at the deadline; documents are
/// made no more at once than there are slots.
@Suite struct PDFDeadlineTests {
    /// A stand-in for weasyprint that writes `lines` of chatter to stderr and then sleeps.
    func fakeWeasyPrint(sleeping seconds: Int, chatter lines: Int = 0) throws -> FakeWeasyPrint {
        try FakeWeasyPrint(
            """
            i=0; while [ $i -lt \(lines) ]; do echo "WARNING: regel $i van de uitvoer die niemand leest, maar die de pijp wel vult" >&2; i=$((i+1)); done
            exec sleep \(seconds)
            """)
    }

    @Test func aRendererThatHangsIsStoppedAndTheReaderToldInDutch() async throws {
        let hanging = try fakeWeasyPrint(sleeping: 600, chatter: 5_000)  // ~400 kB: more than a pipe holds
        defer { hanging.remove() }
        let start = Date()
        await #expect(throws: InputError(Strings.pdfTookTooLong(seconds: 1), status: .serviceUnavailable)) {
            _ = try await PDFRenderer.render(
                html: "<html><head></head><body></body></html>", title: "t", author: "a",
                timeout: 1, environment: ["STOPLICHT_WEASYPRINT": hanging.program])
        }
        // Well before the stand-in would end by itself; the slots may first wait for the
        // suite's real PDFs (two at a time on this machine).
        let took = Date().timeIntervalSince(start)
        #expect(took >= 1 && took < 300, "stopped after \(took) s")
        #expect(Strings.pdfTookTooLong(seconds: 60).contains("na 60 seconden nog niet klaar"))
    }

    /// What WeasyPrint says goes to the log; the reader gets a Dutch sentence without it.
    @Test func aRendererThatEndsWithoutAPDFIsAnErrorNotAHangAndItsOutputIsNotShown() async throws {
        let quick = try FakeWeasyPrint("echo 'Traceback: /geheim/pad/rapportage.html' >&2; exit 1")
        defer { quick.remove() }
        let logged = LogLines()
        do {
            _ = try await PDFRenderer.render(
                html: "<html><head></head><body></body></html>", title: "t", author: "a",
                timeout: 5, environment: ["STOPLICHT_WEASYPRINT": quick.program], logger: logged.logger)
            Issue.record("a renderer that wrote nothing gave a PDF")
        } catch let error as InputError {
            Issue.record("not a timeout: \(error)")
        } catch let error as any AbortError {
            #expect(error.status == .internalServerError)
            #expect(error.reason == Strings.pdfFailed)
            #expect(!error.reason.contains("geheim") && !error.reason.contains("Traceback"))
        }
        #expect(
            logged.lines.contains { $0.contains("Traceback: /geheim/pad/rapportage.html") && $0.contains("status 1") })
    }

    /// A reader who leaves stops the rendering: the process is killed at once, not at the deadline.
    @Test func aCancelledRenderingKillsWeasyPrint() async throws {
        let hanging = try fakeWeasyPrint(sleeping: 600)
        defer { hanging.remove() }
        let start = Date()
        let rendering = Task {
            try await PDFRenderer.render(
                html: "<html><head></head><body></body></html>", title: "t", author: "a", timeout: 120,
                environment: ["STOPLICHT_WEASYPRINT": hanging.program], slots: RenderSlots(count: 1))
        }
        var pid: Int32?
        for _ in 0..<200 where pid == nil {
            try await Task.sleep(for: .milliseconds(50))
            pid = hanging.pid
        }
        let process = try #require(pid, "the stand-in never started")
        #expect(kill(process, 0) == 0, "running before the cancellation")
        rendering.cancel()
        await #expect(throws: CancellationError.self) { _ = try await rendering.value }
        var gone = false
        for _ in 0..<100 where !gone {
            gone = kill(process, 0) != 0
            if !gone { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(gone, "WeasyPrint still runs after its reader left")
        #expect(Date().timeIntervalSince(start) < 60)
    }

    /// When every slot is taken and the queue is full, a PDF is refused at once with a Dutch
    /// 503 instead of waiting behind work no reader will sit out.
    @Test func aFullQueueIsRefusedAtOnce() async throws {
        let hanging = try fakeWeasyPrint(sleeping: 600)
        defer { hanging.remove() }
        let slots = RenderSlots(count: 1, readersWaitingAtMost: 1)
        func render() async throws -> Data {
            try await PDFRenderer.render(
                html: "<html><head></head><body></body></html>", title: "t", author: "a", timeout: 120,
                environment: ["STOPLICHT_WEASYPRINT": hanging.program], slots: slots, forReader: true)
        }
        let holder = Task { try await render() }
        let waiter = Task { try await render() }
        var tries = 0
        while await slots.waitingCount < 1, tries < 200 {
            try await Task.sleep(for: .milliseconds(20))
            tries += 1
        }
        #expect(await slots.waitingCount == 1)
        await #expect(throws: InputError(Strings.pdfBusy, status: .serviceUnavailable)) { _ = try await render() }
        // The waiter who gives up leaves the queue; the holder's process is stopped.
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        #expect(await slots.waitingCount == 0)
        holder.cancel()
        await #expect(throws: CancellationError.self) { _ = try await holder.value }
    }

    @Test func noMoreHoldersThanSlots() async throws {
        actor Gauge {
            var now = 0, most = 0
            func enter() {
                now += 1
                most = max(most, now)
            }
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
