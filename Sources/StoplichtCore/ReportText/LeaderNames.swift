import Foundation

/// Reads a leader cell: "Erna Jongerius/ Walter de Haan" is two people, "Sieka Geldof/
/// Censor Bestuur" one person with the external firm that supplies them.
public enum LeaderNames {
    /// Words that make a name a firm rather than a person.
    static let firmWords: Set<String> = [
        "bestuur", "management", "advies", "adviseurs", "consultancy", "consulting", "consultants",
        "groep", "group", "partners", "bureau", "interim", "holding", "bv", "b.v.", "nv", "n.v.",
        "vof", "v.o.f.", "solutions", "services", "projects", "projecten", "organisatieadvies",
        "ict", "detachering", "support", "company", "&",
    ]

    public static func parse(_ cell: String) -> [LeaderName] {
        let joined =
            TextCleaning.containsIgnoringCase(cell, " en ") ? cell.replacingOccurrences(of: " en ", with: "/") : cell
        let parts =
            joined
            .split(whereSeparator: { "/;,\n".contains($0) })
            .map { TextCleaning.clean($0) }
            .filter { !$0.isEmpty }
        var leaders: [LeaderName] = []
        for part in parts {
            if isFirm(part), let last = leaders.last, last.firm == nil {
                leaders[leaders.count - 1].firm = part
            } else {
                leaders.append(LeaderName(person: part))
            }
        }
        return leaders
    }

    public static func isFirm(_ name: String) -> Bool {
        name.lowercased().split(separator: " ").contains { firmWords.contains(String($0)) }
    }
}
