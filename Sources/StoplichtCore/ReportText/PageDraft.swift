import Foundation

/// A project page (or project sheet) being read: what makes it a project, and what it says.
struct PageDraft {
    enum Origin: Equatable {
        /// The document's start, or after a sheet boundary: no title of its own.
        case start
        case heading
        /// A title printed twice in a row (begrotingsapp, begrotingonline).
        case repeatedTitle
        /// "7 Heerenveen, stad van Sport …", "1.1.1 Vastleggen …".
        case numberedTitle
        /// A two-column table of label → value.
        case sheet
    }

    /// What shows that a page is about one project.
    enum Evidence: Hashable {
        case aspectLights, aspectLabels, statusPhrases, nameField, leaderField, aspectTable, sheet
    }

    var origin: Origin
    var line: Int
    /// The title as printed (page furniture removed), lower case: the same line again is no new page.
    var titleKey: String?
    var title: PageTitle?
    /// The title names projects ("Overige projecten"): the page lists projects, it is none.
    var isListPage = false
    /// The page is headed by the document's title, which quotes the project's name.
    var namesDocumentProject = false
    /// The line naming projects that the page stands under ("4. Majeure projecten").
    var context: String?
    var lines: [Int] = []
    var evidence: Set<Evidence> = []
    var dimensions: [(label: String, reading: LightNotation.Reading, line: Int)] = []
    var fieldName: (name: String, line: Int)?
    var fieldNumber: Int?
    var leaders: [LeaderName] = []
    var portfolioHolders: [LeaderName] = []
    var phase: Phase?
    var budget: ReportedAmount?
    var overall: LightNotation.Reading?
    var previousLight: LightNotation.Reading?
    var expectedLight: LightNotation.Reading?
    var remarks: [(label: String?, text: String)] = []
    private var remarkKeys: Set<String> = []
    var items: [String] = []
    var lists: [NamedList] = []
    var warnings: [ImportWarning] = []

    init(origin: Origin, line: Int) {
        self.origin = origin
        self.line = line
    }

    var isProject: Bool {
        guard !isListPage else { return false }
        // Before any heading or title, "Projectnaam:" and the like are the report's cover.
        if origin == .start ? !evidence.subtracting([.nameField, .leaderField]).isEmpty : !evidence.isEmpty {
            return true
        }
        // A titled page under a heading that names projects ("4. Majeure projecten").
        return title != nil && context != nil && origin != .start
    }

    var label: String { "Project ‘\((title?.name ?? fieldName?.name ?? "zonder naam").prefix(40))’" }

    /// Keeps a remark once (pages print some twice).
    mutating func addRemark(_ label: String?, _ text: String) {
        let text = TextCleaning.clean(text)
        guard !text.isEmpty else { return }
        let key = (label ?? "") + "\u{1F}" + text
        guard remarkKeys.insert(key).inserted else { return }
        remarks.append((label, text))
    }

    mutating func addDimension(_ label: String, _ reading: LightNotation.Reading, text: String, line: Int) {
        lines.append(line)  // made unique when the project is made
        if case .unknown = reading {
            warnings.append(
                ImportWarning(
                    line: line,
                    message:
                        "\(self.label): ‘\(text)’ bij \(label) is geen bekend stoplicht; de tekst staat in de toelichting.",
                    advice: .translateLight(text)))
            addRemark(label, text)
            return
        }
        dimensions.append((label, reading, line))
    }

    /// Applies a "Label: value" field.
    mutating func apply(_ field: PageField, line: Int, reading: LightReading) {
        switch field.kind {
        case .name:
            var name = field.value
            while let last = name.last, ":;,.".contains(last) { name.removeLast() }
            // A flattened table row after "Project Name:" is no name.
            let numbers = name.split(separator: " ").filter { $0.contains(where: \.isNumber) }.count
            if fieldName == nil, name.count <= NamedList.maximumName, numbers <= 2,
                PageTitle.isName(name, reading: reading)
            {
                fieldName = (name, line)
                evidence.insert(.nameField)
            } else {
                addRemark(field.label, field.value)
            }
        case .number:
            // Six digits at most, as in a title: numbering on after it must not overflow.
            if let number = Int(field.value.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))),
                (0...999_999).contains(number)
            {
                fieldNumber = number
            } else {
                addRemark(field.label, field.value)
            }
        case .leader:
            let people = PageField.people(in: field.value, reading: reading)
            if people.isEmpty {
                addRemark(field.label, field.value)
            } else {
                // Bounded: a page names a handful of people, not thousands.
                if leaders.count < 50 { leaders += people.filter { !leaders.contains($0) } }
                evidence.insert(.leaderField)
            }
        case .portfolioHolder:
            let people = PageField.people(in: field.value, reading: reading)
            if people.isEmpty { addRemark(field.label, field.value) }
            if portfolioHolders.count < 50 { portfolioHolders += people.filter { !portfolioHolders.contains($0) } }
        case .phase:
            applyPhase(field.value, label: field.label, line: line)
        case .budget:
            if budget == nil, let amount = ReportedAmount(parsing: field.value) { budget = amount }
            addRemark(field.label, field.value)
        case .status:
            let r = reading.read(field.value)
            if r.isLight || r.isNotRated, overall == nil {
                overall = r
            } else {
                addRemark(field.label, field.value)
            }
        case .other:
            addRemark(field.label, field.value)
        }
        lines.append(line)
    }

    /// "Voorbereiding door aannemer." → voorbereiding; the whole text stays in the remarks
    /// where it says more than the phase.
    mutating func applyPhase(_ value: String, label: String, line: Int) {
        let words = value.split(separator: " ").map(String.init)
        let found =
            Phase(word: value) ?? (words.count > 1 ? Phase(word: words[0] + " " + words[1]) : nil)
            ?? words.first.flatMap { Phase(word: $0) }
        if phase == nil, let found {
            phase = found
            if Phase(word: value) == nil { addRemark(label, value) }
        } else {
            if found == nil {
                warnings.append(
                    ImportWarning(
                        line: line,
                        message:
                            "\(self.label): ‘\(value)’ is geen bekende fase (initiatief, definitie, ontwerp, voorbereiding, realisatie, nazorg); de tekst staat in de toelichting."
                    ))
            }
            addRemark(label, value)
        }
    }

    /// The remarks as Markdown: a label once where it changes.
    var remarksMarkdown: String {
        var out: [String] = []
        var previous: String?
        for (label, text) in remarks {
            let escaped =
                MarkdownDocument.bulletItem(text).map { "- " + TextCleaning.markdownEscaped($0) }
                ?? TextCleaning.markdownEscaped(text)
            if let label, label != previous {
                out.append("**\(TextCleaning.markdownEscaped(label)):** " + escaped)
            } else {
                out.append(escaped)
            }
            previous = label
        }
        return out.joined(separator: "\n\n")
    }
}

extension LightNotation.Reading {
    var isNotRated: Bool {
        if case .notRated = self { return true }
        return false
    }
}
