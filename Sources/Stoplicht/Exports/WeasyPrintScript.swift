/// The Python program Stoplicht runs WeasyPrint with, written into each rendering's own
/// empty directory: the print page is rendered with a URL fetcher that hands WeasyPrint only
/// `data:` URIs. Everything else a page could name — `file:` (the server's files, its
/// database, `/proc/self/environ`), `http:`, `https:`, `ftp:`, relative addresses — is
/// refused, so no stylesheet, image, font or attachment is ever read from outside the page.
/// The print page inlines all it needs (its stylesheet, the SVG charts).
enum WeasyPrintScript {
    static let filename = "stoplicht-weasyprint.py"

    /// Arguments: the HTML file, the PDF file, the PDF variant.
    static let source = #"""
        import sys

        import weasyprint
        from weasyprint.urls import default_url_fetcher


        class Refused(Exception):
            pass


        def fetch(url, *args, **kwargs):
            # Only what the page itself carries; nothing from the file system or the network.
            if url[:5].lower() == "data:":
                return default_url_fetcher(url, *args, **kwargs)
            raise Refused("Stoplicht laat WeasyPrint niets ophalen: " + url[:200])


        def main():
            source, target, variant = sys.argv[1], sys.argv[2], sys.argv[3]
            weasyprint.HTML(filename=source, url_fetcher=fetch).write_pdf(target, variant=variant)


        if __name__ == "__main__":
            main()
        """#
}
