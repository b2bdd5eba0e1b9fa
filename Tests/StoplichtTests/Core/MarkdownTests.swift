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
        #expect(html == "<h3>Kop</h3><p>Eerste alinea loopt door.</p><ul><li>een</li><li>twee</li></ul><ol start=\"3\"><li>drie</li><li>vier</li></ol>")
    }

    @Test func inlineMarkup() {
        #expect(MarkdownInline.html("**vet** en *schuin* en `code`") == "<strong>vet</strong> en <em>schuin</em> en <code>code</code>")
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
}
