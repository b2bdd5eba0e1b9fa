import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Who reads a programme: only its people, unless it opens its published reports or all.
@Suite struct AccessTests {
    static let report = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"

    @Test func aClosedProgrammeIsReadOnlyByItsPeople() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            var anonymous = Browser(app)
            for path in [
                Cycle.overview, Self.report, "/programmas/dienstverlening/projecten/1",
                "/programmas/dienstverlening/verloop",
            ] {
                let reply = try await anonymous.get(path)
                #expect(reply.status == .seeOther, "\(path)")
                #expect(reply.location?.hasPrefix("/inloggen?terug=") == true, "\(path)")
            }
            let home = try await anonymous.get("/")
            #expect(!home.body.contains("Dienstverlening"))
            var reader = try await Browser.member(app, "raad@woudenberg.nl", role: .reader)
            #expect(try await reader.get(Cycle.overview).status == .ok)
            #expect(try await reader.get("/").body.contains("href=\"/programmas/dienstverlening\""))
            var stranger = try await Browser.member(app, "ander@elders.nl", role: nil)
            #expect(try await stranger.get(Cycle.overview).status == .forbidden)
        }
    }

    @Test func publishedReportsCanBeOpenToEveryone() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.publishedReports, on: app.db)
            var anonymous = Browser(app)
            #expect(try await anonymous.get(Self.report).status == .seeOther)  // not yet published

            let (_, period) = try await PeriodPublication.find(programme: Cycle.programme, period: nil, on: app.db)
            _ = try await PeriodPublication.publish(
                programme: Cycle.programme, period: period, actor: "test", settings: app.settings, on: app.db)

            let report = try await anonymous.get(Self.report)
            #expect(report.status == .ok)
            #expect(report.body.contains("Aansluiten op www.mijnoverheid.nl."))
            #expect(try await anonymous.get(Cycle.overview).status == .seeOther)
            let home = try await anonymous.get("/")
            #expect(home.body.contains("href=\"\(Self.report)\""))
        }
    }
}
