import Fluent
import StoplichtCore
import Vapor

/// `stoplicht demo`: a fresh embedded database with the seed programme, served at once.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "Adres om op te luisteren (standaard 127.0.0.1).")
        var hostname: String?
        @Option(name: "port", short: "p", help: "Poort (standaard 8080).")
        var port: Int?
    }

    var help: String { "Start Stoplicht met het demoprogramma Dienstverlening (Woudenberg, 2018)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let summary = try await Self.load(on: app.db)
        try await DemoFinance.load(programme: summary.programmeSlug, on: app.db)
        try await DemoPlanning.load(programme: summary.programmeSlug, on: app.db)
        let hostname = signature.hostname ?? "127.0.0.1"
        let port = signature.port ?? 8080
        context.console.print(
            "Demo geladen: \(summary.projects) projecten, \(summary.warnings.count) importwaarschuwingen.")
        context.console.print("Open http://\(hostname):\(port)/programmas/\(summary.programmeSlug)")
        let password = try await Self.administrator(password: Environment.get("STOPLICHT_DEMO_PASSWORD"), on: app.db)
        context.console.print(
            "Inloggen als beheerder (om een rapportage te importeren): \(Self.administratorEmail), wachtwoord \(password)"
        )
        var serve = context
        serve.input = CommandInput(arguments: ["stoplicht serve", "--hostname", hostname, "--port", "\(port)"])
        try await app.servers.asyncCommand.run(using: &serve)
    }

    static let administratorEmail = "beheerder@voorbeeld.nl"

    /// The demo's beheerder, with the given password or a new random one each start.
    static func administrator(password given: String?, on db: any Database) async throws -> String {
        let password =
            given
            ?? String((0..<16).map { _ in "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".randomElement()! })
        if let existing = try await User.query(on: db).filter(\.$email == administratorEmail).first() {
            existing.passwordHash = try Bcrypt.hash(password)
            try await existing.save(on: db)
        } else {
            _ = try await User.create(
                email: administratorEmail, name: "Beheerder (demo)", password: password, administrator: true, on: db)
        }
        return password
    }

    /// The seed programme; its published reports are open to everyone, the rest needs a login.
    static func load(access: ProgrammeAccess = .publishedReports, on db: any Database) async throws -> ImportSummary {
        let report = try ReportTextParser().parse(data: DemoData.seedReport())
        let summary = try await ReportImporter(database: db).run(
            report, into: ImportTarget(organisation: DemoData.organisation))
        try await Programme.query(on: db).filter(\.$slug == summary.programmeSlug).filter(\.$access != access).set(
            \.$access, to: access
        ).update()
        return summary
    }
}
