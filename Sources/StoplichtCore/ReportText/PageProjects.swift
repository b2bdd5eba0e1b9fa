import Foundation

/// Pages, sheets and lists made into projects, numbered, with their explanations.
extension PageScan {
    mutating func emit(_ draft: PageDraft) {
        var draft = draft
        var title = draft.title
        if title == nil, let field = draft.fieldName {
            title = PageTitle(number: draft.fieldNumber, name: field.name)
        } else if let field = draft.fieldName, let name = title?.name,
            field.name.lowercased() != name.lowercased()
        {
            draft.addRemark("Project", field.name)
            warnings.append(
                ImportWarning(
                    line: field.line,
                    message:
                        "\(draft.label): het veld ‘Project’ noemt ‘\(field.name)’; de titel van de pagina is als naam genomen, het veld staat in de toelichting."
                ))
        }
        if draft.namesDocumentProject { documentProjectUsed = true }
        if title == nil, !documentProjectUsed, let documentTitle, documentTitle.utf8.count <= 1_000,
            let quoted = PageTitle.quotedProject(inDocumentTitle: documentTitle, reading: reading)
        {
            title = quoted
            documentProjectUsed = true
            warnings.append(
                ImportWarning(
                    line: draft.line,
                    message:
                        "De projectpagina op regel \(draft.line) noemt zelf geen naam; de naam ‘\(quoted.name)’ komt uit de titel van het document."
                ))
        }
        if title == nil {
            warnings.append(
                ImportWarning(
                    line: draft.line,
                    message: "De projectpagina op regel \(draft.line) heeft geen naam; het project heet ‘zonder naam’.")
            )
        }
        draft.title = title
        if let programme = title?.programme { draft.addRemark("Programma", programme) }

        var dimensions: [DimensionReading] = []
        for (label, reading, _) in draft.dimensions {
            if let index = dimensions.firstIndex(where: { $0.label == label }) {
                dimensions[index].reading = reading
            } else {
                dimensions.append(DimensionReading(label: label, reading: reading))
            }
        }
        var light = draft.overall ?? .empty
        if light == .empty, let worst = LightNotation.worst(dimensions.map(\.reading)) {
            light = worst
            derivedLights.append(found.count)
        }
        var lifecycle = Lifecycle.running
        switch light {
        case .finished: lifecycle = .delivered
        case .notRated(notStarted: true): lifecycle = .notStarted
        default: break
        }
        let leaders = draft.leaders.isEmpty ? draft.portfolioHolders : draft.leaders
        if !draft.leaders.isEmpty, !draft.portfolioHolders.isEmpty {
            draft.addRemark("Portefeuillehouder", draft.portfolioHolders.map(\.person).joined(separator: ", "))
        }
        var project = ParsedProject(
            number: 0, name: title?.name ?? "zonder naam", items: draft.items, leaders: leaders, light: light,
            lifecycle: lifecycle, remarks: draft.remarksMarkdown, lines: Array(Set(draft.lines)).sorted())
        project.dimensionLights = dimensions
        project.previousLight = draft.previousLight
        project.expectedLight = draft.expectedLight
        project.phase = draft.phase
        project.budget = draft.budget
        found.append(Found(project: project, number: title?.number ?? draft.fieldNumber))
        warnings += draft.warnings
        if leaders.isEmpty {
            warnings.append(
                ImportWarning(
                    line: draft.line, message: "Project ‘\(project.name.prefix(40))’ heeft geen projectleider."))
        }
        let kind = draft.origin == .sheet ? "projectblad" : "projectpagina"
        explanations.append(
            PageExplanation(line: draft.line, kind: kind, reason: Self.reason(draft, dimensions: dimensions)))
    }

    static func reason(_ draft: PageDraft, dimensions: [DimensionReading]) -> String {
        let aspects = dimensions.map(\.label).joined(separator: ", ")
        var reasons: [String] = []
        if draft.evidence.contains(.sheet) {
            reasons.append("een tabel van twee kolommen (label → waarde) met de naam van het project")
        }
        if draft.evidence.contains(.aspectLights) {
            reasons.append("regels met een letter of woord boven een aspect (\(aspects))")
        }
        if draft.evidence.contains(.aspectLabels) {
            reasons.append("regels met de naam van een aspect boven een letter of woord (\(aspects))")
        }
        if draft.evidence.contains(.statusPhrases) {
            reasons.append("regels onder een statuskop die een stoplicht per aspect geven (\(aspects))")
        }
        if draft.evidence.contains(.aspectTable) {
            reasons.append("een tabel met een stoplicht per aspect en periode (\(aspects))")
        }
        if draft.evidence.contains(.nameField) { reasons.append("een veld met de naam van het project") }
        if draft.evidence.contains(.leaderField) { reasons.append("een veld met de projectleider") }
        if reasons.isEmpty, let context = draft.context {
            reasons.append("een titel onder ‘\(context.prefix(80))’, een kop die projecten noemt")
        }
        return reasons.joined(separator: "; ")
    }

    mutating func emit(_ list: NamedList) {
        for entry in list.projects {
            var project = ParsedProject(
                number: 0, name: entry.name, items: [], leaders: [], light: .empty,
                lifecycle: .running, remarks: "", lines: [entry.line])
            project.group = entry.group
            found.append(Found(project: project, number: entry.number))
        }
        let count = list.projects.count
        explanations.append(
            PageExplanation(
                line: list.headLine, kind: "projectenlijst",
                reason:
                    "een opsomming van \(count) korte namen onder ‘\(list.head.prefix(80))’, een regel die projecten noemt"
            ))
        warnings.append(
            ImportWarning(
                line: list.headLine,
                message:
                    "Onder ‘\(list.head.prefix(80))’ staan \(count) projecten als namen zonder stoplicht; ze zijn overgenomen als projecten zonder status."
            ))
        // Each group with the codes of the entries under it, in one pass.
        var groups: [(entry: NamedList.Entry, members: [String])] = []
        for entry in list.entries {
            if entry.isGroup {
                groups.append((entry, []))
            } else if entry.group != nil, let code = entry.code, !groups.isEmpty {
                groups[groups.count - 1].members.append(code)
            }
        }
        for (group, members) in groups {
            warnings.append(
                ImportWarning(
                    line: group.line,
                    message:
                        "‘\(group.code ?? "") \(group.name.prefix(60))’ heeft onderdelen (\(members.joined(separator: ", "))); het is als groep van die projecten gelezen, niet als project."
                ))
        }
        if list.isCutOff, let last = list.entries.last {
            warnings.append(
                ImportWarning(
                    line: last.line,
                    message:
                        "De lijst onder ‘\(list.head.prefix(80))’ is afgebroken; de naam ‘\(last.name.prefix(60))’ is mogelijk onvolledig."
                ))
        }
    }

    /// Numbers as the report gives them; the others in order after the highest.
    func result() -> ProjectPages {
        var out = ProjectPages()
        var used: Set<Int> = []
        var highest = found.compactMap(\.number).max() ?? 0
        var warnings = self.warnings
        for item in found {
            var project = item.project
            if let number = item.number, used.insert(number).inserted {
                project.number = number
                project.isNumbered = true
            } else {
                if let number = item.number {
                    warnings.append(
                        ImportWarning(
                            line: project.lines.first ?? 0,
                            message:
                                "Projectnummer \(number) komt al eerder voor; ‘\(project.name.prefix(40))’ krijgt nummer \(highest + 1)."
                        ))
                }
                highest += 1
                project.number = highest
                project.isNumbered = false
                used.insert(highest)
            }
            out.projects.append(project)
        }
        if let first = derivedLights.first {
            let names = derivedLights.prefix(12).map { "‘\(out.projects[$0].name.prefix(40))’" }.joined(separator: ", ")
            let more = derivedLights.count > 12 ? " en \(derivedLights.count - 12) andere" : ""
            warnings.append(
                ImportWarning(
                    line: out.projects[first].lines.first ?? 0,
                    message:
                        "De projectpagina's geven geen totaallicht, alleen lichten per aspect; voor \(names)\(more) is het ernstigste licht van de aspecten als totaallicht genomen."
                ))
        }
        out.warnings = warnings.sorted { $0.line < $1.line }
        out.explanations = explanations
        out.tableLinesTaken = taken
        return out
    }
}
