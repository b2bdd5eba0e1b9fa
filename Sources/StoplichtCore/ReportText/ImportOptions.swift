import Foundation

/// What the user tells an import that the file does not: which column holds what, and
/// what the file's own light words mean.
public struct ImportOptions: Sendable {
    /// Header as written → role.
    public var columns: [String: ColumnRole] = [:]
    /// Light word as written → reading.
    public var lights: [String: LightNotation.Reading] = [:]
    public var limits = ImportLimits.standard

    public init(columns: [String: ColumnRole] = [:], lights: [String: LightNotation.Reading] = [:]) {
        self.columns = columns
        self.lights = lights
    }

    var vocabulary: HeaderVocabulary { columns.isEmpty ? .standard : HeaderVocabulary(explicit: columns) }
    var reading: LightReading { lights.isEmpty ? .standard : LightReading(custom: lights) }

    /// `--columns "Wie=projectleider;Hoe=status"`.
    public mutating func addColumns(_ list: String, source: String = "--columns") throws(ReportFileError) {
        for (index, pair) in list.split(separator: ";").enumerated() {
            try addColumn(String(pair), place: "\(source), deel \(index + 1)")
        }
    }

    /// `--lights "Op stoom=groen;Stroef=oranje"`.
    public mutating func addLights(_ list: String, source: String = "--lights") throws(ReportFileError) {
        for (index, pair) in list.split(separator: ";").enumerated() {
            try addLight(String(pair), place: "\(source), deel \(index + 1)")
        }
    }

    /// A mapping file: lines `kolom Wie = projectleider` and `licht Op stoom = groen`; `#` starts a comment.
    public mutating func addMappingFile(_ text: String, name: String) throws(ReportFileError) {
        for (index, raw) in LineEndings.lines(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(name):\(index + 1)"
            let lower = line.lowercased()
            if lower.hasPrefix("kolom ") {
                try addColumn(String(line.dropFirst(6)), place: place)
            } else if lower.hasPrefix("licht ") {
                try addLight(String(line.dropFirst(6)), place: place)
            } else {
                throw ReportFileError(
                    "\(place): een regel begint met ‘kolom’ of ‘licht’, bijvoorbeeld ‘kolom Wie = projectleider’ of ‘licht Op stoom = groen’."
                )
            }
        }
    }

    mutating func addColumn(_ pair: String, place: String) throws(ReportFileError) {
        guard let (header, roleName) = Self.split(pair) else {
            throw ReportFileError(
                "\(place): ‘\(pair)’ is geen indeling; schrijf ‘Kolomkop=rol’, bijvoorbeeld ‘Wie=projectleider’.")
        }
        guard let role = ColumnRole(mappingName: roleName) else {
            throw ReportFileError("\(place): ‘\(roleName)’ is geen rol. Kies uit: \(ColumnRole.mappingNames).")
        }
        columns[header] = role
    }

    mutating func addLight(_ pair: String, place: String) throws(ReportFileError) {
        guard let (word, target) = Self.split(pair) else {
            throw ReportFileError(
                "\(place): ‘\(pair)’ is geen vertaling; schrijf ‘woord=licht’, bijvoorbeeld ‘Op stoom=groen’.")
        }
        lights[word] = LightReading.target(target)
    }

    static func split(_ pair: String) -> (String, String)? {
        guard let eq = pair.lastIndex(of: "=") else { return nil }
        let left = pair[..<eq].trimmingCharacters(in: .whitespaces)
        let right = pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        return left.isEmpty || right.isEmpty ? nil : (left, right)
    }
}

extension ReportFileError {
    /// The file has tables, but none whose columns say which holds the project names.
    static func columnsNotRecognised(_ headers: [[String]]) -> ReportFileError {
        let listed = headers.prefix(3).map { cells in
            cells.map { $0.isEmpty ? "(leeg)" : "‘\(MergedCell.strip($0).text.prefix(40))’" }.joined(separator: ", ")
        }.joined(separator: "; ")
        var error = ReportFileError(
            "De kolommen van de tabel zijn niet herkend. Gevonden kolommen: \(listed). Geef aan welke kolom wat bevat, bijvoorbeeld --columns \"Wie=projectleider;Wat=project\" of een indelingsbestand met --mapping (rollen: \(ColumnRole.mappingNames))."
        )
        error.foundColumns = headers.first.map { $0.map { MergedCell.strip($0).text } }
        return error
    }
}
