import Foundation
import StoplichtCore
import Testing

/// Slip propagation: a project may start once its prerequisites have delivered, keeps its
/// duration, and is flagged when that is later than its plan — through chains, diamonds,
/// milestones, at every precision of a plan date; a cycle is refused, named.
@Suite struct SlipPropagationTests {
    typealias Node = SlipPropagation.Node
    typealias Edge = SlipPropagation.Edge

    func month(_ m: Int?) -> String? { m.map { PlanMonth.date($0).description } }

    @Test func aChainSlipsAllTheWayDown() throws {
        // A delivers Q1 2019 instead of Q4 2018; B starts after A and takes 3 months; C after B.
        let nodes = [
            Node(start: .month(2018, 6), delivery: .quarter(2019, 1)),
            Node(start: .month(2019, 1), delivery: .month(2019, 3)),
            Node(start: .month(2019, 4), delivery: .month(2019, 6)),
            Node(start: .month(2019, 9), delivery: .month(2019, 12)),
        ]
        let outcome = try SlipPropagation.propagate(
            nodes, [Edge(dependent: 1, needs: 0), Edge(dependent: 2, needs: 1), Edge(dependent: 3, needs: 2)])
        #expect(outcome.infeasible == [false, true, true, false])
        #expect(month(outcome.earliestStart[1]) == "maart 2019")
        #expect(month(outcome.earliestDelivery[1]) == "mei 2019")
        #expect(month(outcome.earliestStart[2]) == "mei 2019")
        #expect(month(outcome.earliestDelivery[2]) == "juli 2019")
        // D starts in September: C's slip to July still fits.
        #expect(month(outcome.earliestDelivery[3]) == "december 2019")
        #expect(outcome.blockedBy[1] == 0 && outcome.blockedBy[2] == 1 && outcome.blockedBy[3] == nil)
    }

    @Test func aDiamondWaitsForItsLatestPrerequisite() throws {
        //   0 → 1 → 3,  0 → 2 → 3: 3 waits for the later of 1 and 2.
        let nodes = [
            Node(start: .month(2018, 1), delivery: .month(2018, 10)),
            Node(start: .month(2018, 11), delivery: .month(2019, 2)),
            Node(start: .month(2018, 11), delivery: .half(2019, 1)),
            Node(start: .month(2019, 3), delivery: .month(2019, 5)),
        ]
        let edges = [
            Edge(dependent: 1, needs: 0), Edge(dependent: 2, needs: 0), Edge(dependent: 3, needs: 1),
            Edge(dependent: 3, needs: 2),
        ]
        let outcome = try SlipPropagation.propagate(nodes, edges)
        #expect(outcome.infeasible == [false, false, false, true])
        #expect(outcome.blockedBy[3] == 2, "the half year ends in June, later than February")
        #expect(month(outcome.earliestStart[3]) == "juni 2019")
        #expect(month(outcome.earliestDelivery[3]) == "augustus 2019")
    }

    /// Every precision compares by the last month it covers: "Q4 2018" is delivered by December.
    @Test(arguments: [
        (PlanDate.day(2018, 11, 15), PlanDate.month(2018, 11), false),
        (PlanDate.day(2018, 12, 1), PlanDate.month(2018, 11), true),
        (PlanDate.month(2018, 12), PlanDate.quarter(2018, 4), false),
        (PlanDate.quarter(2019, 1), PlanDate.quarter(2018, 4), true),
        (PlanDate.quarter(2018, 4), PlanDate.half(2018, 2), false),
        (PlanDate.half(2019, 1), PlanDate.half(2018, 2), true),
        (PlanDate.year(2018), PlanDate.month(2018, 12), false),
        (PlanDate.year(2019), PlanDate.quarter(2019, 3), true),
    ])
    func everyPrecisionCountsByItsLastMonth(
        _ prerequisiteDelivery: PlanDate, _ dependentStart: PlanDate, _ infeasible: Bool
    ) throws {
        let nodes = [
            Node(start: nil, delivery: prerequisiteDelivery), Node(start: dependentStart, delivery: .year(2021)),
        ]
        let outcome = try SlipPropagation.propagate(nodes, [Edge(dependent: 1, needs: 0)])
        #expect(outcome.infeasible[1] == infeasible, "\(prerequisiteDelivery) before \(dependentStart)")
        if infeasible { #expect(outcome.earliestStart[1] == PlanMonth.last(prerequisiteDelivery)) }
    }

    @Test func aMilestoneMovesWithItsProject() throws {
        // Project 0 slips two months because of 2; its milestone 1 moves along; 3 needs the milestone.
        let nodes = [
            Node(start: .month(2019, 1), delivery: .month(2019, 12)),
            Node(start: nil, delivery: .month(2019, 4), parent: 0),
            Node(start: .month(2018, 6), delivery: .month(2019, 3)),
            Node(start: .month(2019, 5), delivery: .month(2019, 8)),
        ]
        let outcome = try SlipPropagation.propagate(
            nodes, [Edge(dependent: 0, needs: 2), Edge(dependent: 3, needs: 1)])
        #expect(outcome.infeasible[0])
        #expect(month(outcome.earliestDelivery[1]) == "juni 2019")
        #expect(outcome.infeasible[3])
        #expect(month(outcome.earliestStart[3]) == "juni 2019")
    }

    @Test func aCycleIsRefusedNamingIt() {
        let nodes = (0..<5).map { _ in Node(start: .month(2019, 1), delivery: .month(2019, 6)) }
        // 0 needs 1, 1 needs 2, 2 needs 0; 3 needs 2 (waits on the cycle, not in it).
        let edges = [
            Edge(dependent: 0, needs: 1), Edge(dependent: 1, needs: 2), Edge(dependent: 2, needs: 0),
            Edge(dependent: 3, needs: 2),
        ]
        #expect(throws: SlipPropagation.Cycle(path: [0, 1, 2, 0])) { try SlipPropagation.propagate(nodes, edges) }
        #expect(throws: SlipPropagation.Cycle(path: [4, 4])) {
            try SlipPropagation.propagate(nodes, [Edge(dependent: 4, needs: 4)])
        }
        #expect(throws: SlipPropagation.Cycle(path: [1, 3, 1])) {
            try SlipPropagation.propagate(
                nodes, [Edge(dependent: 1, needs: 3), Edge(dependent: 3, needs: 1), Edge(dependent: 4, needs: 1)])
        }
    }

    @Test func projectsWithoutDatesNeitherBlockNorBreak() throws {
        let nodes = [
            Node(start: nil, delivery: nil), Node(start: .month(2019, 1), delivery: nil),
            Node(start: nil, delivery: .month(2019, 2)),
        ]
        let outcome = try SlipPropagation.propagate(
            nodes, [Edge(dependent: 1, needs: 0), Edge(dependent: 2, needs: 1)])
        #expect(outcome.infeasible == [false, false, false])
    }
}
