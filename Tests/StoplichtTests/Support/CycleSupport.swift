import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// People of the seed programme, each logged in with their own browser.
extension Browser {
    /// A user with `role` in the programme (none for nil), linked to `person`, logged in.
    static func member(
        _ app: Application, _ email: String, role: ProgrammeRole?, administrator: Bool = false, person: String? = nil,
        programme: String = "dienstverlening"
    ) async throws -> Browser {
        let user = try await AccountAdministration(actor: "test").add(
            email: email, name: "Test \(email)", password: "een lang wachtwoord", administrator: administrator,
            person: person, on: app.db)
        if let role, let programme = try await Programme.query(on: app.db).filter(\.$slug == programme).first() {
            try await AccountAdministration(actor: "test").setRole(role, for: user, in: programme, on: app.db)
        }
        var browser = Browser(app)
        let reply = try await browser.logIn(email: email, password: "een lang wachtwoord")
        #expect(reply.status == .seeOther)
        return browser
    }

    /// The hidden field's value on the last page: the revision a status form showed.
    static func hiddenValue(_ field: some FormField, in html: String) -> String? {
        hiddenValue(field.name, in: html)
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

enum Cycle {
    static let programme = "dienstverlening"
    static let overview = "/programmas/dienstverlening"
    static let period = "juni-t-m-oktober-2018"

    static func statusPath(_ number: Int, period: String = period) -> String {
        "/programmas/dienstverlening/projecten/\(number)/bijwerken?periode=\(period)"
    }

    /// A complete update form.
    static func statusForm(
        light: String, remarks: String, revision: String, cause: String = "", consequence: String = "",
        measure: String = "", planned: String = ""
    ) -> [String: String] {
        StatusField.form([
            .light: light, .lifecycle: Lifecycle.running.rawValue, .remarks: remarks, .achieved: "", .plannedNext: "",
            .planned: planned, .forecast: "", .cause: cause, .consequence: consequence, .measure: measure,
            .revision: revision,
        ])
    }

    static func status(_ number: Int, on db: any Database) async throws -> ProjectStatus? {
        let context = try await ProgrammeContext.load(slug: programme, on: db)
        guard
            let project = try await Project.query(on: db).filter(\.$programme.$id == context.programme.requireID())
                .filter(\.$number == number).first()
        else { return nil }
        return try await ProjectStatus.query(on: db).filter(\.$project.$id == project.requireID())
            .filter(\.$period.$id == context.latestPeriod!.requireID()).first()
    }

    static func setAccess(_ access: ProgrammeAccess, on db: any Database) async throws {
        try await Programme.query(on: db).filter(\.$slug == programme).set(\.$access, to: access).update()
    }
}
