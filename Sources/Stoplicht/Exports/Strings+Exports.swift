import Foundation
import StoplichtCore

/// The report's documents and their downloads.
extension Strings {
    static let pdfRendererMissing =
        "Voor een PDF is WeasyPrint nodig, en dat is op deze server niet geïnstalleerd. Installeer het met ‘apt-get install weasyprint’ (of ‘pip install weasyprint’) en probeer het opnieuw; de andere formaten werken zonder."
    static func pdfTookTooLong(seconds: Int) -> String {
        "De PDF was na \(seconds) seconden nog niet klaar en is gestopt. Probeer het later opnieuw, of kies een ander formaat (Word of ODT werken zonder WeasyPrint)."
    }
    static let pdfFailed =
        "De PDF kon niet worden gemaakt. Probeer het later opnieuw, of kies een ander formaat (Word of ODT werken zonder WeasyPrint); de beheerder vindt de oorzaak in het logboek van de server."
    static let publishedDocumentFailedRecently =
        "Dit document kon kort geleden niet worden gemaakt; het wordt over enkele minuten opnieuw geprobeerd. Kies zolang een ander formaat (Word of ODT werken zonder WeasyPrint)."
    static let pdfBusy =
        "Er worden nu te veel PDF's tegelijk gemaakt. Probeer het over enkele seconden opnieuw, of kies een ander formaat (Word of ODT werken zonder WeasyPrint)."
    static let downloads = "Downloaden"
    static func unknownFormat(_ value: String) -> String {
        "Onbekend formaat ‘\(value)’; kies pdf, odt, docx, html, xlsx of csv."
    }
}
