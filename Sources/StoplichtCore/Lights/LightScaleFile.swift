import Foundation

/// A programme's own light scale as a small semicolon-separated file, one light a line,
/// best first:
///
///     code;label;kleur;afgerond;betekenis
///     volgens-verwachting;Volgens verwachting;groen;nee;Het project loopt zoals gepland.
///     aandachtspunt;Aandachtspunt;oranje;nee;Er zijn risico's die aandacht vragen.
///     bijsturen;Bijsturen;rood;nee;Ingrijpen is nodig.
///     afgerond;Afgerond;grijs;ja;Opgeleverd aan de lijn.
public enum LightScaleFile {
    public static func parse(_ text: String) throws(ReportFileError) -> LightScale {
        var lights: [LightDefinition] = []
        for (index, raw) in LineEndings.lines(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ";", maxSplits: 4, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if index == 0, cells.first?.lowercased() == "code" { continue }
            guard cells.count == 5 else {
                throw ReportFileError(
                    "Regel \(number): verwacht 5 velden (code;label;kleur;afgerond;betekenis), gevonden \(cells.count)."
                )
            }
            let code = Slug.make(cells[0])
            guard !cells[0].isEmpty, code == cells[0].lowercased() else {
                throw ReportFileError(
                    "Regel \(number): de code ‘\(cells[0])’ mag alleen kleine letters, cijfers en streepjes bevatten.")
            }
            guard !cells[1].isEmpty else { throw ReportFileError("Regel \(number): het label ontbreekt.") }
            guard let tone = LightDefinition.Tone(colourName: cells[2]) else {
                throw ReportFileError(
                    "Regel \(number): de kleur ‘\(cells[2])’ is onbekend; kies groen, oranje, rood, grijs of blauw.")
            }
            let finished: Bool
            switch cells[3].lowercased() {
            case "ja", "j", "yes": finished = true
            case "nee", "n", "no", "": finished = false
            default: throw ReportFileError("Regel \(number): ‘afgerond’ is ja of nee, niet ‘\(cells[3])’.")
            }
            guard !lights.contains(where: { $0.code == code }) else {
                throw ReportFileError("Regel \(number): de code ‘\(code)’ staat er al.")
            }
            lights.append(
                LightDefinition(
                    code: code, label: cells[1], meaning: cells[4], tone: tone,
                    rank: lights.count + 1, isFinished: finished))
        }
        guard !lights.isEmpty else { throw ReportFileError("Het bestand bevat geen lichten.") }
        guard lights.filter(\.isFinished).count <= 1 else {
            throw ReportFileError("Meer dan één licht betekent ‘afgerond’; kies er één.")
        }
        return LightScale(lights)
    }

    public static func render(_ scale: LightScale) -> String {
        (["code;label;kleur;afgerond;betekenis"]
            + scale.lights.map {
                "\($0.code);\($0.label);\($0.tone.colourName);\($0.isFinished ? "ja" : "nee");\($0.meaning)"
            }).joined(separator: "\n") + "\n"
    }
}
