/// The texts of `stoplicht generate`.
extension Strings {
    static let generateNeedsSQL = "Genereren kan alleen in een SQL-database (SQLite of PostgreSQL)."
    static func generateAlreadyThere(_ organisation: String) -> String {
        "Er zijn al gegenereerde gegevens (\(organisation)); genereer in een lege database, bijvoorbeeld met STOPLICHT_SQLITE=nieuw.sqlite."
    }
    static func generateOutOfRange(_ what: String, _ value: Int, _ limit: Int) -> String {
        "Het aantal \(what) moet tussen 1 en \(limit) liggen, niet \(value)."
    }
    static func generateProgress(_ organisation: String, _ summary: SyntheticWriter.Summary, seconds: Double) -> String
    {
        "\(organisation) geschreven; tot nu toe \(summary.programmes) programma's, \(summary.projects) projecten, \(summary.statuses) statussen (\(Int(seconds.rounded())) s)."
    }
    static func generated(_ summary: SyntheticWriter.Summary, seconds: Double) -> String {
        """
        Gegenereerd in \(Int(seconds.rounded())) s: \(summary.organisations) organisaties, \(summary.programmes) programma's, \
        \(summary.projects) projecten, \(summary.statuses) statussen, \(summary.publishedReports) gepubliceerde rapportages opgeslagen.\
        \(summary.firstProgrammeSlug.map { " Het eerste programma: /programmas/\($0)" } ?? "")
        """
    }
}
