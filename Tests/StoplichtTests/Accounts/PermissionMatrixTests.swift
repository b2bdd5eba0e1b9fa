import Fluent
import Foundation
@testable import Stoplicht
import StoplichtCore
import Testing
import Vapor

/// Every role against every action, over HTTP: allowed, or refused with 403. The leader
/// is Walter de Haan, who leads project 1 but not project 3.
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

    /// One request per action, as the role's browser sends it; returns the status.
    func attempt(_ action: ProgrammeAction, as browser: inout Browser, who: Who, app: Application) async throws -> HTTPStatus {
        switch action {
        case .read:
            return try await browser.get(Cycle.overview).status
        case .editOwnProject, .editAnyProject:
            // Walter leads project 1, not project 3.
            let number = action == .editOwnProject ? 1 : 3
            let form = try await browser.get(Cycle.statusPath(number))
            let revision = Browser.hiddenValue(StatusField.revision, in: form.body) ?? "0"
            return try await browser.post(Cycle.statusPath(number), Cycle.statusForm(light: "groen", remarks: "Door \(who.rawValue)", revision: revision)).status
        case .editSections:
            let path = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/teksten"
            let form = try await browser.get(path)
            var fields = PeriodTextsField.form([.fingerprint: Browser.hiddenValue(PeriodTextsField.fingerprint, in: form.body) ?? ""])
            for section in try await ProgrammeSection.query(on: app.db).all() {
                fields[PeriodTextsField.sectionTitle(section.key).name] = section.title
                fields[PeriodTextsField.sectionBody(section.key).name] = section.body + " (\(who.rawValue))"
            }
            return try await browser.post(path, fields).status
        case .manageProjects:
            _ = try await browser.get("/programmas/dienstverlening/projecten/nieuw")
            let number = 100 + Who.allCases.firstIndex(of: who)!
            return try await browser.post("/programmas/dienstverlening/projecten/nieuw",
                                          ProjectField.form([.number: "\(number)", .name: "Nieuw project \(who.rawValue)",
                                                             .lifecycle: "niet-gestart"])).status
        case .movePeriod:
            _ = try await browser.get(Cycle.overview)
            return try await browser.post("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/status", PeriodMoveField.form([.target: "review"])).status
        case .publishPeriod:
            return .notImplemented  // in its own test: publishing freezes the period for the rest
        case .importReport:
            return try await browser.get("/importeren?programma=dienstverlening").status
        case .manageFinances:
            _ = try await browser.get(Cycle.overview)
            return try await browser.post("/programmas/dienstverlening/financien/begrotingsregels", BudgetLineField.form([
                .source: "krediet", .nature: "eenmalig", .year: "2018", .amount: "1.000", .description: who.rawValue,
            ])).status
        case .manageRoles:
            _ = try await browser.get(Cycle.overview)
            return try await browser.post("/programmas/dienstverlening/toegang", ["toegang": "besloten"]).status
        }
    }

    @Test(arguments: ProgrammeAction.allCases.filter { $0 != .publishPeriod })
    func eachRoleIsAllowedOrRefusedWith403(_ action: ProgrammeAction) async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            for who in Who.allCases {
                var browser = try await Browser.member(app, "\(who.rawValue)@woudenberg.nl", role: who.role,
                                                       administrator: who == .beheerder, person: who.person)
                let status = try await attempt(action, as: &browser, who: who, app: app)
                if Self.allowed[action]!.contains(who) {
                    #expect([.ok, .seeOther].contains(status), "\(who.rawValue) \(action.rawValue): \(status)")
                } else {
                    #expect(status == .forbidden, "\(who.rawValue) \(action.rawValue): \(status)")
                }
            }
            // Without a login a page sends you to the login page, and a form is refused the same way.
            var anonymous = Browser(app)
            let page = try await anonymous.get(Cycle.overview)
            #expect(page.status == .seeOther)
            #expect(page.location == "/inloggen?terug=%2Fprogrammas%2Fdienstverlening")
            let post = try await anonymous.post(Cycle.statusPath(1), Cycle.statusForm(light: "rood", remarks: "", revision: "0"))
            #expect(post.status == .seeOther)
            #expect(try await Cycle.status(1, on: app.db)?.light != "rood")
        }
    }

    @Test(arguments: Who.allCases)
    func publishingIsTheProgrammeManagersAndTheBeheerders(_ who: Who) async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            var browser = try await Browser.member(app, "\(who.rawValue)@woudenberg.nl", role: who.role,
                                                   administrator: who == .beheerder, person: who.person)
            _ = try await browser.get(Cycle.overview)
            let status = try await browser.post("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/status", PeriodMoveField.form([.target: "publiceren", .confirmed: "ja", .skipReview: "ja"])).status
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
