import Foundation

/// How often and how far a project's delivery moved across the periods: each period's
/// expected delivery (the forecast, or the plan) against the one before, in months (a
/// date counts by the last month it covers).
public struct SlipHistory: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var period: String
        public var delivery: PlanDate?
        /// Months later (positive) or earlier than the period before; nil for the first or an unknown date.
        public var moved: Int?
    }

    public var steps: [Step]

    /// `deliveries`: per period, oldest first, the expected delivery.
    public init(_ deliveries: [(period: String, delivery: PlanDate?)]) {
        var previous: PlanDate?
        steps = deliveries.map { period, delivery in
            defer { if delivery != nil { previous = delivery } }
            let moved = delivery.flatMap { d in previous.map { PlanMonth.last(d) - PlanMonth.last($0) } }
            return Step(period: period, delivery: delivery, moved: moved)
        }
    }

    /// How many times the delivery moved later.
    public var slips: Int { steps.filter { ($0.moved ?? 0) > 0 }.count }
    /// Months later in all, from the first known delivery to the last.
    public var totalMonths: Int {
        let known = steps.compactMap(\.delivery)
        guard let first = known.first, let last = known.last else { return 0 }
        return PlanMonth.last(last) - PlanMonth.last(first)
    }

    /// "+3 maanden", "−1 maand", "gelijk".
    public static func movedText(_ months: Int) -> String {
        switch months {
        case 0: "gelijk"
        case 1: "+1 maand"
        case -1: "−1 maand"
        case let m where m > 0: "+\(m) maanden"
        default: "−\(-months) maanden"
        }
    }
}
