import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Every role against every action, over HTTP: allowed and written (or shown), or refused
/// with 403 and nothing changed. The leader is Walter de Haan, who leads project 1 but not
/// project 3.
@Suite struct PermissionMatrixTests {
    enum Who: String, CaseIterable {
        case beheerder, programmamanager, eigenProjectleider, andereProjectleider, lezer, zonderRol

        var role: ProgrammeRole? {
            switch self {
            case .beheerder: nil
            case .programmamanager: .programmeManager
            case .eigenProjectleider, .andereProjectleider: .projectLeader
            case .lezer: .reader
            case .zonderRol: nil
            }
        }
        var person: String? {
            switch self {
            case .eigenProjectleider: "Walter de Haan"
            case .andereProjectleider: "Sieka Geldof"
            default: nil
            }
        }
    }

    /// What each may do, written out: the expectation is the issue's, not the code's.
    static let allowed: [ProgrammeAction: Set<Who>] = [
        .read: [.beheerder, .programmamanager, .eigenProjectleider, .andereProjectleider, .lezer],
        .editOwnProject: [.beheerder, .programmamanager, .eigenProjectleider],
        .editAnyProject: [.beheerder, .programmamanager],
        .editSections: [.beheerder, .programmamanager],
        .manageProjects: [.beheerder, .programmamanager],
        .movePeriod: [.beheerder, .programmamanager],
        .publishPeriod: [.beheerder, .programmamanager],
        .importReport: [.beheerder, .programmamanager],
        .manageRoles: [.beheerder],
        .manageFinances: [.beheerder, .programmamanager],
    ]

    /// One request per action, as the role's browser sends it; returns the answer.
    func attempt(_ action: ProgrammeAction, as browser: inout Browser, who: Who, app: Application) async throws
        -> Browser.Reply
    {
        switch action {
        case .read:
            return try await browser.get(Cycle.overview)
        case .editOwnProject, .editAnyProject:
            // Walter leads project 1, not project 3.
            let number = action == .editOwnProject ? 1 : 3
            let form = try await browser.get(Cycle.statusPath(number))
            let revision = Browser.hiddenValue(StatusField.revision, in: form.body) ?? "0"
            return try await browser.post(
                Cycle.statusPath(number),
                Cycle.statusForm(light: "groen", remarks: "Door \(who.rawValue)", revision: revision))
        case .editSections:
            let path = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/teksten"
            let form = try await browser.get(path)
            var fields = PeriodTextsField.form([
                .fingerprint: Browser.hiddenValue(PeriodTextsField.fingerprint, in: form.body) ?? ""
            ])
            for section in try await ProgrammeSection.query(on: app.db).all() {
                fields[PeriodTextsField.sectionTitle(section.key).name] = section.title
                fields[PeriodTextsField.sectionBody(section.key).name] = section.body + " (\(who.rawValue))"
            }
            return try await browser.post(path, fields)
        case .manageProjects:
            _ = try await browser.get("/programmas/dienstverlening/projecten/nieuw")
            let number = 100 + Who.allCases.firstIndex(of: who)!
            return try await browser.post(
                "/programmas/dienstverlening/projecten/nieuw",
                ProjectField.form([
                    .number: "\(number)", .name: "Nieuw project \(who.rawValue)",
                    .lifecycle: "niet-gestart",
                ]))
        case .movePeriod:
            _ = try await browser.get(Cycle.overview)
            return try await browser.post(
                "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/status",
                PeriodMoveField.form([.target: "review"]))
        case .publishPeriod:
            // in its own test: publishing freezes the period for the rest
            return Browser.Reply(status: .notImplemented, body: "")
        case .importReport:
            return try await browser.get("/importeren?programma=dienstverlening")
        case .manageFinances:
            _ = try await browser.get(Cycle.overview)
            return try await browser.post(
                "/programmas/dienstverlening/financien/begrotingsregels",
                BudgetLineField.form([
                    .source: "krediet", .nature: "eenmalig", .year: "2018", .amount: "1.000",
                    .description: who.rawValue,
                ]))
        case .manageRoles:
            _ = try await browser.get(Cycle.overview)
            // Not the access the test sets (besloten): that would be stored as it was.
            return try await browser.post(
                "/programmas/dienstverlening/toegang", ["toegang": ProgrammeAccess.publishedReports.rawValue])
        }
    }

    /// What `action` writes, as stored: compared before and after each attempt. Empty for the
    /// actions that only show a page.
    func stored(_ action: ProgrammeAction, app: Application) async throws -> [String] {
        let programme = try #require(try await Programme.query(on: app.db).filter(\.$slug == Cycle.programme).first())
        switch action {
        case .read, .importReport, .publishPeriod:
            return []
        case .editOwnProject, .editAnyProject:
            let status = try #require(try await Cycle.status(action == .editOwnProject ? 1 : 3, on: app.db))
            return [status.light ?? "", status.remarks]
        case .editSections:
            return try await ProgrammeSection.query(on: app.db).sort(\.$position).all().map {
                "\($0.key): \($0.title): \($0.body)"
            }
        case .manageProjects:
            return try await Project.query(on: app.db).filter(\.$programme.$id == programme.requireID()).sort(\.$number)
                .all()
                .map { "\($0.number) \($0.name)" }
        case .movePeriod:
            return try await ReportingPeriod.query(on: app.db).filter(\.$slug == Cycle.period).all().map(
                \.state.rawValue)
        case .manageFinances:
            return try await BudgetLine.query(on: app.db).filter(\.$programme.$id == programme.requireID()).all()
                .map { "\($0.description) \($0.source.rawValue) \($0.nature.rawValue) \($0.year) \($0.budgetCents)" }
                .sorted()
        case .manageRoles:
            return [programme.access.rawValue]
        }
    }

    /// Whether `who`'s attempt took effect: what is stored after it is its write, or, for an
    /// action that shows a page, the answer is that page.
    func tookEffect(_ action: ProgrammeAction, by who: Who, stored: [String], reply: Browser.Reply) -> Bool {
        switch action {
        case .read:
            return reply.body.contains(
                "<h1 class=\"utrecht-heading-1\">\(Strings.programmeTitle("Dienstverlening"))</h1>")
        case .importReport:
            return reply.body.contains("<h1 class=\"utrecht-heading-1\">\(Strings.importTitle)</h1>")
                && reply.body.contains("name=\"bestand\"")
        case .publishPeriod:
            return false
        case .editOwnProject, .editAnyProject:
            return stored == ["groen", "Door \(who.rawValue)"]
        case .editSections:
            return !stored.isEmpty && stored.allSatisfy { $0.hasSuffix(" (\(who.rawValue))") }
        case .manageProjects:
            return stored.contains("\(100 + Who.allCases.firstIndex(of: who)!) Nieuw project \(who.rawValue)")
        case .movePeriod:
            return stored == [ReportingPeriod.State.inReview.rawValue]
        case .manageFinances:
            return stored.contains("\(who.rawValue) krediet eenmalig 2018 100000")
        case .manageRoles:
            return stored == [ProgrammeAccess.publishedReports.rawValue]
        }
    }

    /// Puts back what an attempt of `action` changed that the next role's attempt needs as it
    /// was: the period open, the programme closed.
    func reset(_ action: ProgrammeAction, app: Application) async throws {
        switch action {
        case .movePeriod:
            try await ReportingPeriod.query(on: app.db).filter(\.$slug == Cycle.period).set(\.$state, to: .open)
                .update()
        case .manageRoles:
            try await Cycle.setAccess(.closed, on: app.db)
        default:
            break
        }
    }

    @Test(arguments: ProgrammeAction.allCases.filter { $0 != .publishPeriod })
    func eachRoleIsAllowedOrRefusedWith403(_ action: ProgrammeAction) async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            for who in Who.allCases {
                var browser = try await Browser.member(
                    app, "\(who.rawValue)@woudenberg.nl", role: who.role,
                    administrator: who == .beheerder, person: who.person)
                let before = try await stored(action, app: app)
                let reply = try await attempt(action, as: &browser, who: who, app: app)
                let after = try await stored(action, app: app)
                if Self.allowed[action]!.contains(who) {
                    #expect(
                        [.ok, .seeOther].contains(reply.status), "\(who.rawValue) \(action.rawValue): \(reply.status)")
                    #expect(
                        tookEffect(action, by: who, stored: after, reply: reply),
                        "\(who.rawValue) \(action.rawValue): not written; stored \(after)")
                } else {
                    #expect(reply.status == .forbidden, "\(who.rawValue) \(action.rawValue): \(reply.status)")
                    #expect(
                        after == before,
                        "\(who.rawValue) \(action.rawValue): refused, yet stored \(before) became \(after)")
                    #expect(
                        !tookEffect(action, by: who, stored: after, reply: reply),
                        "\(who.rawValue) \(action.rawValue): refused, yet shown or written")
                }
                try await reset(action, app: app)
            }
            // Without a login a page sends you to the login page, and a form is refused the same way.
            var anonymous = Browser(app)
            let page = try await anonymous.get(Cycle.overview)
            #expect(page.status == .seeOther)
            #expect(page.location == "/inloggen?terug=%2Fprogrammas%2Fdienstverlening")
            let post = try await anonymous.post(
                Cycle.statusPath(1), Cycle.statusForm(light: "rood", remarks: "", revision: "0"))
            #expect(post.status == .seeOther)
            #expect(try await Cycle.status(1, on: app.db)?.light != "rood")
        }
    }

    @Test(arguments: Who.allCases)
    func publishingIsTheProgrammeManagersAndTheBeheerders(_ who: Who) async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            var browser = try await Browser.member(
                app, "\(who.rawValue)@woudenberg.nl", role: who.role,
                administrator: who == .beheerder, person: who.person)
            _ = try await browser.get(Cycle.overview)
            let status = try await browser.post(
                "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/status",
                PeriodMoveField.form([.target: "publiceren", .confirmed: "ja", .skipReview: "ja"])
            ).status
            let published = try await ReportingPeriod.query(on: app.db).filter(\.$state == .published).count()
            if Self.allowed[.publishPeriod]!.contains(who) {
                #expect(status == .seeOther)
                #expect(published == 1)
            } else {
                #expect(status == .forbidden)
                #expect(published == 0)
            }
        }
    }
}
