import Foundation

/// A stand-in for WeasyPrint: a `weasyprint` program whose `#!` line names, in place of its
/// Python, a shell script of the test's (`PDFRenderer` runs that interpreter with its own
/// script). The shell script gets Python's arguments: `$1` -I, `$2` the script, `$3` the
/// HTML, `$4` the PDF to write, `$5` the variant; it runs in the rendering's directory.
/// Every run adds a line to `runs` and writes its process id to `pid`.
struct FakeWeasyPrint {
    let directory: URL

    init(_ body: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fake-weasyprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let interpreter = directory.appendingPathComponent("python").path
        try write(
            interpreter,
            """
            #!/bin/sh
            echo run >> '\(directory.path)/runs'
            echo $$ > '\(directory.path)/pid'
            \(body)
            """)
        try write(program, "#!\(interpreter)\nprint('never run')\n")
    }

    /// A stand-in that writes `content` as the PDF.
    static func writing(_ content: String) throws -> FakeWeasyPrint {
        try FakeWeasyPrint("printf '%s' '\(content)' > \"$4\"")
    }

    var program: String { directory.appendingPathComponent("weasyprint").path }

    /// How many times it ran.
    var runs: Int {
        ((try? String(contentsOf: directory.appendingPathComponent("runs"), encoding: .utf8)) ?? "").split(
            separator: "\n"
        ).count
    }

    /// The process id of its last run, once it started.
    var pid: Int32? {
        (try? String(contentsOf: directory.appendingPathComponent("pid"), encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
}
