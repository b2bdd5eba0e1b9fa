import Foundation

/// Joins what a report says about one project in several places — an overview table and
/// the project's own page, two snapshots of the same table — into one project, and gives
/// projects without a number of their own the next free numbers.
enum ProjectMerge {
    /// How often one name is joined: an overview, its page and a few snapshots.
    static let joinsPerName = 8

    /// Projects in document order (tables first, then pages and lists, as read). `sources`
    /// are the first lines of the tables, pages and lists they come from, ascending: two
    /// rows of one table are two projects (the table reader joined what belongs together).
    static func merge(_ projects: [ParsedProject], sources: [Int] = []) -> (
        projects: [ParsedProject], warnings: [ImportWarning]
    ) {
        // A report that numbers every project once has nothing to join or number: the
        // table reader joined rows of the same number already. (The common case, and the
        // largest reports: no copy of them is made.)
        var numbers = Set<Int>()
        numbers.reserveCapacity(projects.count)
        if projects.allSatisfy({ $0.isNumbered && numbers.insert($0.number).inserted }) { return (projects, []) }
        var merged: [ParsedProject] = []
        merged.reserveCapacity(projects.count)
        var warnings: [ImportWarning] = []
        var byName: [String: (index: Int, sources: Set<Int>, joins: Int)] = [:]
        func source(_ project: ParsedProject) -> Int {
            let line = project.lines.first ?? 0
            var low = 0
            var high = sources.count
            while low < high {
                let mid = (low + high) / 2
                if sources[mid] <= line { low = mid + 1 } else { high = mid }
            }
            return low - 1
        }
        for project in projects {
            let key = nameKey(project.name)
            let from = source(project)
            if !key.isEmpty, let known = byName[key], !known.sources.contains(from), known.joins < joinsPerName,
                !merged[known.index].isNumbered || !project.isNumbered || merged[known.index].number == project.number
            {
                let i = known.index
                byName[key] = (i, known.sources.union([from]), known.joins + 1)
                let lines = [merged[i].lines.first, project.lines.first].compactMap { $0 }.map(String.init).joined(
                    separator: " en ")
                warnings.append(
                    ImportWarning(
                        line: project.lines.first ?? 0,
                        message:
                            "‘\(project.name.prefix(60))’ staat meer dan eens in de rapportage (regels \(lines)); wat er staat is samengevoegd tot één project."
                    ))
                merged[i] = combine(merged[i], project)
            } else {
                if !key.isEmpty, byName[key] == nil { byName[key] = (merged.count, [from], 0) }
                merged.append(project)
            }
        }
        // Numbers: a project keeps the report's number; one without gets the next number
        // after those before it that no numbered project claims.
        let reported = Set(merged.filter(\.isNumbered).map(\.number))
        var used = Set<Int>()
        var highest = 0
        for index in merged.indices {
            var project = merged[index]
            if !project.isNumbered || used.contains(project.number) {
                // Numbers stay small (the table reader takes at most six digits): no overflow.
                var next = min(highest, Int.max - merged.count - 1) + 1
                while used.contains(next) || reported.contains(next) { next += 1 }
                if project.isNumbered {
                    warnings.append(
                        ImportWarning(
                            line: project.lines.first ?? 0,
                            message:
                                "Projectnummer \(project.number) komt al eerder voor; ‘\(project.name.prefix(60))’ krijgt nummer \(next)."
                        ))
                    project.isNumbered = false
                }
                project.number = next
            }
            used.insert(project.number)
            highest = max(highest, project.number)
            merged[index] = project
        }
        return (merged, warnings)
    }

    /// Names compared without case, spaces and punctuation: "Leeuwarden - Groningen" is
    /// "Leeuwarden-Groningen".
    static func nameKey(_ name: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in name.lowercased().unicodeScalars
        where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            key.append(scalar)
        }
        return String(key)
    }

    /// The first place's values, with what only the second gives added.
    static func combine(_ first: ParsedProject, _ second: ParsedProject) -> ParsedProject {
        var project = first
        if second.isNumbered && !first.isNumbered {
            project.number = second.number
            project.isNumbered = true
        }
        for item in second.items where !project.items.contains(item) { project.items.append(item) }
        for leader in second.leaders where !project.leaders.contains(leader) { project.leaders.append(leader) }
        if !project.light.isLight, second.light.isLight || project.light == .empty {
            project.light = second.light
            project.lightText = second.lightText
        }
        for dimension in second.dimensionLights
        where !project.dimensionLights.contains(where: { $0.label == dimension.label }) {
            project.dimensionLights.append(dimension)
        }
        if project.lifecycle == .running { project.lifecycle = second.lifecycle }
        project.previousLight = project.previousLight ?? second.previousLight
        project.expectedLight = project.expectedLight ?? second.expectedLight
        project.phase = project.phase ?? second.phase
        project.plannedDelivery = project.plannedDelivery ?? second.plannedDelivery
        project.forecastDelivery = project.forecastDelivery ?? second.forecastDelivery
        project.budget = project.budget ?? second.budget
        project.group = project.group ?? second.group
        project.assessor = project.assessor ?? second.assessor
        if !second.remarks.isEmpty, !project.remarks.contains(second.remarks) {
            project.remarks += (project.remarks.isEmpty ? "" : "\n\n") + second.remarks
        }
        let known = Set(project.lines)
        project.lines += second.lines.filter { !known.contains($0) }
        return project
    }
}
