import Foundation
import StoplichtCore

/// Markdown as remarks hold it, hostile and ordinary, rendered to HTML and to plain text.
/// Every kind is `characters` long; linear rendering keeps each one to a few milliseconds.
/// `swift run -c release stoplicht-bench markdown [characters, default 100000]`.
enum MarkdownBenchmark {
    static func inputs(characters: Int) -> [(kind: String, text: String)] {
        func repeated(_ unit: String, _ tail: String = "") -> String {
            String(String(repeating: unit, count: characters / unit.count + 1).prefix(characters - tail.count)) + tail
        }
        let prose =
            "Het **ontwerp** is _vastgesteld_ en de `offerte` volgt; zie [de planning](https://example.nl/planning) "
            + "en [het besluit](/besluiten/12). Snake_case_namen blijven staan, een * los sterretje ook. "
        return [
            ("[ alleen", repeated("[")),
            ("[ en dan ](x)", repeated("[", "](x)")),
            ("](", repeated("](")),
            ("[](", repeated("[](", ")")),
            ("[a](javascript:", repeated("[a](javascript:")),
            (
                "geneste [[ ]]",
                String(repeating: "[", count: characters / 2 - 2) + String(repeating: "]", count: characters / 2 - 1)
                    + "(x)"
            ),
            ("geneste links", repeated("[a [b](https://x) ")),
            ("*", repeated("*")),
            ("**a", repeated("**a")),
            ("_", repeated("_")),
            ("__a ", repeated("__a ")),
            ("`", repeated("`")),
            ("`` a", repeated("`` a")),
            ("mix [*_`](", repeated("[*_`](")),
            ("mix *[_ `a", repeated("*[_ `a")),
            ("\\ escapes", repeated("\\*\\[")),
            ("gewone tekst", repeated(prose)),
            ("lijst van regels", repeated("- punt *een*\n")),
            ("vervolgregels", "- punt\n" + repeated("  loopt door\n")),
            ("lange regel #", repeated("#")),
        ]
    }

    /// Prints the processor time of the rendering thread, best of three: on a machine that
    /// others share, the wall clock also counts their work.
    static func run(characters: Int) {
        print("soort invoer           tekens   ms HTML  ms tekst  (processortijd, beste van 3)")
        for (kind, text) in inputs(characters: characters) {
            var html = Double.infinity
            var plain = Double.infinity
            for _ in 0..<3 {
                html = min(html, time { _ = MarkdownHTML.render(text) })
                plain = min(plain, time { _ = MarkdownDocument(parsing: text).plainText })
            }
            print(
                kind.padding(toLength: 20, withPad: " ", startingAt: 0)
                    + String(format: "  %8d  %8.2f  %8.2f", text.count, html, plain))
        }
    }

    private static func time(_ body: () -> Void) -> Double {
        func now() -> Double {
            var clock = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &clock)
            return Double(clock.tv_sec) * 1e3 + Double(clock.tv_nsec) / 1e6
        }
        let start = now()
        body()
        return now() - start
    }
}
