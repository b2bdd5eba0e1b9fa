import Foundation
import StoplichtCore
import Testing

@Suite struct MarkdownTests {
    @Test func rawHTMLAndScriptsStayText() {
        let html = MarkdownHTML.render("<script>alert('x')</script> en <img src=x onerror=alert(1)>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    }

    @Test func listsParagraphsAndHeadings() {
        let html = MarkdownHTML.render("# Kop\n\nEerste alinea\nloopt door.\n\n- een\n- twee\n\n3. drie\n4. vier")
        #expect(
            html
                == "<h3>Kop</h3><p>Eerste alinea loopt door.</p><ul><li>een</li><li>twee</li></ul><ol start=\"3\"><li>drie</li><li>vier</li></ol>"
        )
    }

    @Test func inlineMarkup() {
        #expect(
            MarkdownInline.html("**vet** en *schuin* en `code`")
                == "<strong>vet</strong> en <em>schuin</em> en <code>code</code>")
        #expect(MarkdownInline.html("snake_case_name blijft") == "snake_case_name blijft")
        #expect(MarkdownInline.html("[site](https://example.nl)") == "<a href=\"https://example.nl\">site</a>")
    }

    @Test func unsafeLinksAreNotLinked() {
        let html = MarkdownInline.html("[klik](javascript:alert(1))")
        #expect(!html.contains("<a"))
        #expect(!html.contains("href"))
    }

    @Test func sourceRoundTrip() {
        let source = "Alinea.\n\n- een\n- twee\n\n1. drie"
        #expect(MarkdownDocument(parsing: source).source == source)
    }

    /// The exact HTML for the cases where markers are left open, nest or cross: a marker
    /// pairs with the first closing marker after it, and a link needs a safe target.
    @Test(arguments: [
        ("[a [b](https://x.nl)", "<a href=\"https://x.nl\">a [b</a>"),
        ("[[a]](https://x.nl)", "[[a]](https://x.nl)"),
        ("[a [b]](https://x.nl)", "[a [b]](https://x.nl)"),
        ("*zie [de site](https://x.nl)*", "<em>zie <a href=\"https://x.nl\">de site</a></em>"),
        ("[**vet** en `code`](/pad)", "<a href=\"/pad\"><strong>vet</strong> en <code>code</code></a>"),
        ("a ` b *c*", "a ` b <em>c</em>"),
        ("`[a](https://x.nl)` en *b*", "<code>[a](https://x.nl)</code> en <em>b</em>"),
        (
            "[*a*](javascript:alert(1)) en [b](//evil.example)",
            "[<em>a</em>](javascript:alert(1)) en [b](//evil.example)"
        ),
        ("[a](  HTTPS://x.nl ) [m](mailto:a@b.nl)", "<a href=\"HTTPS://x.nl\">a</a> <a href=\"mailto:a@b.nl\">m</a>"),
        ("**a *b* c**", "<strong>a <em>b</em> c</strong>"),
        ("_a_b_ en _c_", "_a_b_ en <em>c</em>"),
        ("\\*geen\\* \\[link](/x)", "*geen* [link](/x)"),
        ("[", "["), ("[]()", "[]()"), ("`", "`"), ("``", "<code></code>"), ("*", "*"), ("**", "**"),
        ("[a](https://x.nl)(b)", "<a href=\"https://x.nl\">a</a>(b)"),
    ])
    func openNestedAndCrossingMarkers(_ source: String, _ html: String) {
        #expect(MarkdownInline.html(source) == html)
    }

    @Test func plainTextDropsOnlyTheMarkupThatWasTaken() {
        #expect(MarkdownInline.plainText("[a [b](https://x.nl) en *c* en `d`") == "a [b en c en d")
        #expect(MarkdownInline.plainText("[*a*](javascript:x) a ` b") == "[a](javascript:x) a ` b")
    }

    /// Markers that open and never close, or links whose target is refused, each repeated:
    /// rendering used to scan to the end of the text for every one (and render a refused
    /// link's label first), so `"[" × 3000 + "](x)"` took 20 s. Each kind of 20,000
    /// characters now renders in milliseconds even in a debug build; it used to take hours.
    @Test(arguments: [
        ("[", ""), ("[", "](x)"), ("](", ""), ("[](", ")"), ("[a](javascript:", ""), ("*", ""), ("**a", ""), ("_", ""),
        ("__a ", ""),
        ("`", ""), ("`` a", ""), ("[*_`](", ""), ("*[_ `a", ""), ("[a [b](https://x) ", ""),
    ])
    func hostileMarkupRendersInLinearTime(_ unit: String, _ tail: String) {
        let text = String(String(repeating: unit, count: 20_000 / unit.count + 1).prefix(20_000 - tail.count)) + tail
        let clock = ContinuousClock()
        var html = ""
        let elapsed = clock.measure {
            html = MarkdownHTML.render(text)
            _ = MarkdownDocument(parsing: text).plainText
        }
        #expect(elapsed < .seconds(1), "\(unit.debugDescription): \(elapsed)")
        #expect(html.hasPrefix("<p>") && html.hasSuffix("</p>"))
    }

    @Test func blocksOfManyLinesRenderInLinearTime() {
        let clock = ContinuousClock()
        for text in [
            String(repeating: "- punt *een*\n", count: 10_000),
            "- punt\n" + String(repeating: "  loopt door\n", count: 10_000),
            String(repeating: "#", count: 100_000), String(repeating: "1. a\n\n", count: 20_000),
        ] {
            let elapsed = clock.measure { _ = MarkdownHTML.render(text) }
            #expect(elapsed < .seconds(1), "\(text.prefix(12).debugDescription): \(elapsed)")
        }
    }
}
