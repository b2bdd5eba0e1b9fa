import Foundation
import SnapshotTesting
import Testing
import Vapor

@testable import Stoplicht

/// Pages whose structure is the point, held against snapshots of their markup (one tag a
/// line, under `__Snapshots__/PageStructureSnapshotTests`): a changed element, class or
/// link shows as a diff. A missing snapshot is recorded and the test fails once; look at
/// the new file and commit it.
@Suite struct PageStructureSnapshotTests {
    /// The tabs a programme manager and a reader get: what each may open, the page they are on.
    @Test func theProgrammeTabsFollowTheViewersRole() async throws {
        try await withStoplicht(seeded: true) { app in
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            var reader = try await Browser.member(app, "lezer@woudenberg.nl", role: .reader)
            let managers = try await erna.get(Cycle.overview)
            let readers = try await reader.get("/programmas/dienstverlening/verloop")
            #expect(managers.status == .ok && readers.status == .ok)
            assertSnapshot(
                of: try Self.element("nav class=\"stoplicht-tabs\"", closedBy: "</nav>", in: managers.body), as: .lines,
                named: "programme-manager-on-the-overview")
            assertSnapshot(
                of: try Self.element("nav class=\"stoplicht-tabs\"", closedBy: "</nav>", in: readers.body), as: .lines,
                named: "reader-on-the-trend")
        }
    }

    /// The council's annex: its header and the first project's row (light with its word,
    /// leader, lifecycle, remarks) in the published report's layout.
    @Test func theAnnexRowKeepsItsColumns() async throws {
        try await withStoplicht(seeded: true) { app in
            var reader = Browser(app)
            let report = try await reader.get("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018")
            #expect(report.status == .ok)
            let annex = try Self.element(
                "table class=\"utrecht-table stoplicht-annex\"", closedBy: "</tr>", in: report.body,
                occurrence: 2)
            assertSnapshot(of: annex, as: .lines)
        }
    }

    /// The project leader's update form: its fields, labels and hidden revision, with the
    /// session's form token left out.
    @Test func theStatusFormHasItsFields() async throws {
        try await withStoplicht(seeded: true) { app in
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let page = try await walter.get(Cycle.statusPath(2))
            #expect(page.status == .ok)
            let form = try Self.element(
                "form class=\"utrecht-form stoplicht-form\" action=\"\(Cycle.statusPath(2))", closedBy: "</form>",
                in: page.body)
            let masked = form.replacingOccurrences(
                of: "name=\"\(CSRF.fieldName)\" value=\"[^\"]*\"", with: "name=\"\(CSRF.fieldName)\" value=\"…\"",
                options: .regularExpression)
            assertSnapshot(of: masked, as: .lines)
        }
    }

    /// From `<open` to the `occurrence`-th `closing` after it, one tag a line.
    static func element(_ open: String, closedBy closing: String, in html: String, occurrence: Int = 1) throws -> String
    {
        let start = try #require(html.range(of: "<" + open))
        var end = start.upperBound
        for _ in 0..<occurrence { end = try #require(html.range(of: closing, range: end..<html.endIndex)).upperBound }
        return String(html[start.lowerBound..<end]).replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }
}
