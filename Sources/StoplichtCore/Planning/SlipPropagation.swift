import Foundation

/// What a project's plan becomes when its prerequisites slip: "the planning of some large
/// prerequisite projects has been revised; with it the planning of a number of sequential
/// projects changes". Months are the unit (a plan date counts by the last month it
/// covers, as `PlanDate` compares); a project may start once every prerequisite has
/// delivered, keeps its duration, and is infeasible when that start is later than its own.
/// One pass in topological order: linear in projects plus prerequisites.
public enum SlipPropagation {
    /// A project, or a milestone of one, as the schedule sees it.
    public struct Node: Sendable, Equatable {
        /// Start and delivery as planned now (the forecast where there is one).
        public var start: PlanDate?
        public var delivery: PlanDate?
        /// For a milestone: the index of its project, whose slip moves it along.
        public var parent: Int?

        public init(start: PlanDate?, delivery: PlanDate?, parent: Int? = nil) {
            self.start = start
            self.delivery = delivery
            self.parent = parent
        }
    }

    /// `dependent` needs `prerequisite` delivered first.
    public struct Edge: Sendable, Equatable, Hashable {
        public var dependent: Int
        public var prerequisite: Int

        public init(dependent: Int, needs prerequisite: Int) {
            self.dependent = dependent
            self.prerequisite = prerequisite
        }
    }

    public struct Outcome: Sendable, Equatable {
        /// Earliest start and delivery, as month numbers (`PlanMonth`); nil where the node has no dates.
        public var earliestStart: [Int?]
        public var earliestDelivery: [Int?]
        /// A prerequisite delivers after the node was to start (or, without a start, after its delivery).
        public var infeasible: [Bool]
        /// The prerequisite that holds the node up most, for the message.
        public var blockedBy: [Int?]
    }

    /// The nodes that make a cycle, in order, the first repeated at the end: [3, 7, 3].
    public struct Cycle: Error, Sendable, Equatable {
        public var path: [Int]

        public init(path: [Int]) { self.path = path }
    }

    public static func propagate(_ nodes: [Node], _ edges: [Edge]) throws(Cycle) -> Outcome {
        let n = nodes.count
        var needs = [[Int]](repeating: [], count: n)
        var dependents = [[Int]](repeating: [], count: n)
        var waiting = [Int](repeating: 0, count: n)
        func link(_ from: Int, _ to: Int) {
            dependents[from].append(to)
            needs[to].append(from)
            waiting[to] += 1
        }
        for edge in edges
        where edge.dependent != edge.prerequisite && nodes.indices.contains(edge.dependent)
            && nodes.indices.contains(edge.prerequisite)
        {
            link(edge.prerequisite, edge.dependent)
        }
        for (index, node) in nodes.enumerated() {
            if let parent = node.parent, nodes.indices.contains(parent) {
                dependents[parent].append(index)
                waiting[index] += 1
            }
        }
        if let selfEdge = edges.first(where: { $0.dependent == $0.prerequisite }) {
            throw Cycle(path: [selfEdge.dependent, selfEdge.dependent])
        }

        var earliestStart = [Int?](repeating: nil, count: n)
        var earliestDelivery = [Int?](repeating: nil, count: n)
        var infeasible = [Bool](repeating: false, count: n)
        var blockedBy = [Int?](repeating: nil, count: n)
        var queue = [Int]()
        queue.reserveCapacity(n)
        for i in 0..<n where waiting[i] == 0 { queue.append(i) }
        var head = 0
        while head < queue.count {
            let i = queue[head]
            head += 1
            let node = nodes[i]
            let start = node.start.map(PlanMonth.first)
            let delivery = node.delivery.map(PlanMonth.last)
            // The latest delivery among the prerequisites.
            var ready: Int?
            for p in needs[i] {
                guard let done = earliestDelivery[p] else { continue }
                if ready == nil || done > ready! {
                    ready = done
                    blockedBy[i] = p
                }
            }
            if let parent = node.parent, let shift = PlanMonth.shift(of: nodes[parent], earliestStart[parent]),
                shift > 0, let delivery
            {
                // A milestone moves with its project.
                earliestDelivery[i] = delivery + shift
                infeasible[i] = true
                blockedBy[i] = blockedBy[parent]
            } else {
                let duration = start.flatMap { s in delivery.map { max(0, $0 - s) } } ?? 0
                let plannedStart = node.start.map(PlanMonth.last) ?? delivery
                if let ready, let plannedStart, ready > plannedStart {
                    infeasible[i] = true
                    let begin = ready
                    earliestStart[i] = begin
                    earliestDelivery[i] = max(delivery ?? begin, begin + duration)
                } else {
                    earliestStart[i] = start ?? delivery
                    earliestDelivery[i] = delivery ?? ready
                    blockedBy[i] = nil
                }
            }
            for d in dependents[i] {
                waiting[d] -= 1
                if waiting[d] == 0 { queue.append(d) }
            }
        }
        if queue.count < n {
            throw Cycle(path: cycle(among: Set(0..<n).subtracting(queue), needs: needs, parents: nodes.map(\.parent)))
        }
        return Outcome(
            earliestStart: earliestStart, earliestDelivery: earliestDelivery, infeasible: infeasible,
            blockedBy: blockedBy)
    }

    /// One cycle among the nodes left waiting: follow prerequisites (and a milestone's
    /// project) until one repeats; the path reads "a needs b needs … needs a".
    static func cycle(among left: Set<Int>, needs: [[Int]], parents: [Int?]) -> [Int] {
        guard var current = left.min() else { return [] }
        var seen: [Int: Int] = [:]
        var path: [Int] = []
        while seen[current] == nil {
            seen[current] = path.count
            path.append(current)
            guard
                let next = needs[current].first(where: left.contains)
                    ?? parents[current].flatMap({ left.contains($0) ? $0 : nil })
            else { return path }
            current = next
        }
        return Array(path[seen[current]!...]) + [current]
    }
}

/// Months counted from year 0: a plan date's first and last month, and back to a date.
public enum PlanMonth {
    public static func first(_ date: PlanDate) -> Int {
        let month: Int
        switch date.precision {
        case .day, .month: month = date.part
        case .quarter: month = date.part * 3 - 2
        case .half: month = date.part * 6 - 5
        case .year: month = 1
        }
        return date.year * 12 + month - 1
    }

    public static func last(_ date: PlanDate) -> Int { date.year * 12 + date.lastMonth - 1 }

    public static func date(_ month: Int) -> PlanDate { .month(month / 12, month % 12 + 1) }

    /// How many months a project's start moved, where it has a start.
    static func shift(of node: SlipPropagation.Node, _ earliest: Int?) -> Int? {
        guard let start = node.start.map(first), let earliest else { return nil }
        return earliest - start
    }
}

extension PlanDate {
    /// The date `months` later, at the same precision where the step allows ("Q4 2018" + 6
    /// is "Q2 2019"), else by the month it ends in ("Q4 2018" + 2 is "februari 2019").
    public func adding(months: Int) -> PlanDate {
        func month(_ index: Int) -> (year: Int, month: Int) {
            (Int((Double(index) / 12).rounded(.down)), ((index % 12) + 12) % 12 + 1)
        }
        switch precision {
        case .day:
            let (y, m) = month(year * 12 + part - 1 + months)
            return .day(y, m, day)
        case .month:
            let (y, m) = month(year * 12 + part - 1 + months)
            return .month(y, m)
        case .quarter where months % 3 == 0:
            let (y, m) = month(year * 12 + (part - 1) * 3 + months)
            return .quarter(y, (m - 1) / 3 + 1)
        case .half where months % 6 == 0:
            let (y, m) = month(year * 12 + (part - 1) * 6 + months)
            return .half(y, (m - 1) / 6 + 1)
        case .year where months % 12 == 0:
            return .year(year + months / 12)
        default:
            return PlanMonth.date(PlanMonth.last(self) + months)
        }
    }
}
