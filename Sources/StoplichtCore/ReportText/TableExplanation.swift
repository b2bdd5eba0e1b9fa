/// How the reader took one table, project page or list of a report, and why: what the
/// dry run's JSON and the import preview show, so a person can check the reading.
public struct TableExplanation: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case projects = "projecttabel"
        case continuation = "vervolg van een projecttabel"
        case projectPage = "projectpagina"
        case projectSheet = "projectblad"
        case projectList = "projectenlijst"
        case legend = "legenda"
        case sectionContent = "tekst van de paragraaf"
        case notUnderstood = "niet begrepen"
    }

    /// One column: its header as written, the field it became and the evidence for it.
    public struct Column: Sendable, Equatable, Encodable {
        public var header: String
        public var role: String
        public var evidence: String
    }

    /// The first line of the table, page or list.
    public var line: Int
    public var kind: Kind
    /// In Dutch: why it was taken for this.
    public var reason: String
    public var columns: [Column] = []
    /// Light words of the document's own that this table used, with what they were read as.
    public var vocabulary: [String: String] = [:]

    public init(line: Int, kind: Kind, reason: String, columns: [Column] = [], vocabulary: [String: String] = [:]) {
        self.line = line
        self.kind = kind
        self.reason = reason
        self.columns = columns
        self.vocabulary = vocabulary
    }
}

/// A word found where a light belongs that no vocabulary knew, said once with every project it concerns.
public struct UnknownLightWord: Sendable, Equatable {
    public var word: String
    /// Where it stood: "status", or the dimension's name, or "vorige periode".
    public var column: String
    public var projects: [Int]
    /// The first line it was found on.
    public var line: Int
}

extension TableExplanation {
    /// A project page, sheet or list as the page reader explained it.
    init(_ page: PageExplanation) {
        let kinds: [String: Kind] = [
            "projectpagina": .projectPage, "projectblad": .projectSheet, "projectenlijst": .projectList,
        ]
        self.init(line: page.line, kind: kinds[page.kind] ?? .projectPage, reason: page.reason)
    }
}
