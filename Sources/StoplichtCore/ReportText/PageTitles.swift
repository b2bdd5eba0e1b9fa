import Foundation

/// A page's title read as a project's name: "Pagina: project 143 — Actieplan Leefbaar
/// Platteland" is project 143, "7 Heerenveen, stad van Sport (Nieuw Thialf) (programma
/// mienskip)" project 7 of programme "mienskip", "Inhoud" no name at all.
struct PageTitle: Equatable {
    /// The report's own number, where it gives a whole one.
    var number: Int?
    /// A number that is no whole number ("1.1.1", "2a"), as printed.
    var code: String?
    var name: String
    /// "(programma mienskip)" after the name.
    var programme: String?

    static let maximumName = 200

    /// Prefixes that are page furniture, not part of the name.
    static let boilerplate = [
        "pagina:", "page:", "project:", "projectpagina:", "projectblad:", "projectnaam:", "project name:",
    ]

    /// Headings that name a part of a page or document, never a project.
    static let generic: Set<String> = [
        "inhoud", "content", "contents", "bronnen", "bron", "sources", "source", "extraction notes", "toelichting",
        "acties", "status", "inleiding", "legenda", "legend", "gewenste resultaten", "samenvatting", "algemeen",
        "omschrijving", "beschrijving", "doel", "doelen", "doelstelling", "resultaten", "voortgang", "inhoudsopgave",
        "leeswijzer", "vooraf", "bijlage", "bijlagen", "table", "tabel", "menu", "home", "terug", "meer",
        "introduction",
        "summary", "background", "timelines", "planning", "about this project", "for more information",
        "more information",
        "additional project details", "project details", "project status", "latest updates", "quarterly updates",
        "health indicators", "risico's", "risicos", "financiën", "financien", "kwaliteit", "tijd", "geld", "overzicht",
        "conclusie", "aanleiding", "achtergrond", "stand van zaken", "kengetallen", "indicatoren", "indicator",
    ]

    /// Reads a title; nil when it names no project (empty, generic, a light word, a date, an amount).
    static func parse(_ raw: String, reading: LightReading) -> PageTitle? {
        // A title is a line, not a page of text; longer ones are no title.
        guard raw.utf8.count <= 4 * maximumName else { return nil }
        var text = TextCleaning.clean(raw.replacingOccurrences(of: "**", with: ""))
        var stripped = true
        while stripped {
            stripped = false
            for prefix in boilerplate where text.lowercased().hasPrefix(prefix) {
                text = TextCleaning.clean(text.dropFirst(prefix.count))
                stripped = true
            }
        }
        var title = PageTitle(name: text)
        // "project 143 — Actieplan …"
        if let match = text.firstMatch(of: /^(?i:project)\s+(\d{1,6})\s*[—–\-:]\s*(.+)$/) {
            title.number = Int(match.1)
            text = String(match.2)
        } else if let match = text.firstMatch(of: /^(\d{1,6}(?:\.\d{1,4})*[a-z]?)\.?\s+(\S.*)$/) {
            let code = String(match.1)
            if let number = Int(code) { title.number = number } else { title.code = code }
            text = String(match.2)
        }
        // "(programma mienskip)" closing the name names the programme.
        if let match = text.firstMatch(of: /^(.+?)\s*\((?i:programma|programme|program)\s+([^()]+)\)$/) {
            title.programme = TextCleaning.clean(match.2)
            text = String(match.1)
        }
        text = TextCleaning.clean(text)
        while let last = text.last, ":;,.".contains(last) { text.removeLast() }
        if text.count > maximumName { text = String(text.prefix(maximumName)) }
        title.name = text
        guard isName(text, reading: reading), !isGeneric(text) else { return nil }
        return title
    }

    /// "Inhoud (verbatim)", "Legenda — uit een ander document", "Kwaliteit".
    static func isGeneric(_ text: String) -> Bool {
        var key = text.lowercased()
        for separator in [" (", " —", " –", " - ", ":"] {
            if let range = key.range(of: separator) { key = String(key[..<range.lowerBound]) }
        }
        key = TextCleaning.clean(key)
        return generic.contains(key) || key.hasPrefix("legend") || AspectVocabulary.aspect(key) != nil
    }

    /// Never a light word, a date or an amount; some letters.
    static func isName(_ text: String, reading: LightReading) -> Bool {
        guard text.contains(where: \.isLetter), text.count <= maximumName else { return false }
        let light = reading.read(text)
        if light.isLight { return false }
        if case .notRated = light { return false }
        // Dates and amounts hold digits ("Q3 2024", "€ 1,2 mln"); a month alone does not.
        if text.contains(where: \.isNumber) || text.split(separator: " ").count == 1,
            PlanDate(parsing: text) != nil || ReportedAmount(parsing: text) != nil
        {
            return false
        }
        if let first = text.first, "€$£".contains(first) { return false }
        return true
    }

    /// Whether a line names projects in the plural ("Overige projecten", "Current Tier 1
    /// projects", "Voortgang rivierverruimingsprojecten"): a heading over a list or pages.
    static func namesProjects(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).contains { word in
            word.hasSuffix("projecten") || word == "projects" || word.hasSuffix("projects")
        }
    }

    /// The one project a document's title names in quotes: `projectpagina "122 Onderzoek
    /// omgeving Rietkraag"`, `project "Uitvoeren Deltaprogramma Maas"`.
    static func quotedProject(inDocumentTitle title: String, reading: LightReading) -> PageTitle? {
        var found: [PageTitle] = []
        for match in title.matches(of: /(\p{L}+)\s+["“‘']([^"”’']{2,200})["”’']/) {
            let word = match.1.lowercased()
            guard word.hasPrefix("project"), !word.hasPrefix("projecten") else { continue }
            if let parsed = parse(String(match.2), reading: reading) { found.append(parsed) }
        }
        return found.count == 1 ? found[0] : nil
    }
}
