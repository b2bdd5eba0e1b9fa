import Foundation
import StoplichtCore

/// Slip propagation over generated programmes: N projects laid out over five years with
/// 3N prerequisites on earlier projects (a random DAG), half of the projects with a
/// milestone. Prints the time per size and per 1,000 nodes: linear growth keeps the
/// latter flat. `swift run -c release stoplicht-bench [largest, default 20000]`.
/// `stoplicht-bench markdown [characters]` times Markdown rendering instead (MarkdownBenchmark).
struct Generator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

func programme(projects: Int) -> ([SlipPropagation.Node], [SlipPropagation.Edge]) {
    var random = Generator(state: UInt64(projects))
    var nodes: [SlipPropagation.Node] = []
    var edges: [SlipPropagation.Edge] = []
    nodes.reserveCapacity(projects * 3 / 2)
    for i in 0..<projects {
        // Later projects start later, as a multi-year programme is laid out; some overlap.
        let start = 2018 * 12 + i * 60 / projects + random.next(12)
        let length = 1 + random.next(12)
        nodes.append(
            SlipPropagation.Node(
                start: PlanMonth.date(start),
                delivery: i % 4 == 0
                    ? .quarter((start + length) / 12, (start + length) % 12 / 3 + 1)
                    : PlanMonth.date(start + length)))
    }
    for i in 0..<projects where i % 2 == 0 {
        nodes.append(SlipPropagation.Node(start: nil, delivery: nodes[i].delivery, parent: i))
    }
    var added = 0
    while added < projects * 3 {
        // A prerequisite starts about a year or more before the project that needs it.
        let gap = projects / 5
        let dependent = gap + random.next(projects - gap)
        let prerequisite = max(0, dependent - gap + 1 - random.next(dependent - gap + 1) - random.next(max(1, gap / 4)))
        edges.append(SlipPropagation.Edge(dependent: dependent, needs: prerequisite))
        added += 1
    }
    return (nodes, edges)
}

if CommandLine.arguments.dropFirst().first == "markdown" {
    MarkdownBenchmark.run(characters: CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 100_000)
    exit(0)
}

let largest = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 20_000
print("projecten  randvoorwaarden  knopen   ms (beste van 5)  µs per 1.000 knopen+pijlen  niet haalbaar")
var size = max(1_250, largest / 16)
while size <= largest {
    let (nodes, edges) = programme(projects: size)
    var best = Double.infinity
    var flagged = 0
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        let outcome = try SlipPropagation.propagate(nodes, edges)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        best = min(best, elapsed)
        flagged = outcome.infeasible.filter { $0 }.count
    }
    let perThousand = best * 1000 / Double(nodes.count + edges.count) * 1000
    print(
        String(
            format: "%9d  %15d  %6d  %16.2f  %26.1f  %13d", size, edges.count, nodes.count, best, perThousand, flagged))
    size *= 2
}
