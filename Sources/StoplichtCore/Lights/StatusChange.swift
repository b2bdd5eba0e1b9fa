import Foundation

/// What changed in a project's status since the previous report: the marks the overview
/// and the report put beside a light, so a reader sees movement without comparing two
/// documents.
public enum StatusChange: Sendable, Equatable {
    /// Not in the previous report.
    case new
    /// Finished since the previous report.
    case finished
    /// A better light than before (from the light it had).
    case better(from: LightDefinition)
    /// A worse light than before.
    case worse(from: LightDefinition)
    /// Delivery expected later than the previous report said.
    case delayed(from: PlanDate, to: PlanDate)
    /// Delivery expected earlier.
    case earlier(from: PlanDate, to: PlanDate)

    /// One project's status in a period, as far as the comparison needs it.
    public struct Status: Sendable {
        public var light: LightDefinition?
        public var delivery: PlanDate?

        public init(light: LightDefinition?, delivery: PlanDate?) {
            self.light = light
            self.delivery = delivery
        }
    }

    /// The changes from `previous` to `current`. `previous` is nil where the project had no
    /// status in the previous period; `hasPreviousPeriod` says whether there was one.
    public static func between(previous: Status?, current: Status?, hasPreviousPeriod: Bool) -> [StatusChange] {
        guard let current else { return [] }
        guard let previous else { return hasPreviousPeriod ? [.new] : [] }
        var changes: [StatusChange] = []
        if let now = current.light, let before = previous.light, now.code != before.code {
            if now.isFinished {
                if !before.isFinished { changes.append(.finished) }
            } else if !before.isFinished {
                changes.append(now.rank < before.rank ? .better(from: before) : .worse(from: before))
            }
        } else if let now = current.light, now.isFinished, previous.light == nil {
            changes.append(.finished)
        }
        if let now = current.delivery, let before = previous.delivery, now != before {
            if before < now {
                changes.append(.delayed(from: before, to: now))
            } else if now < before {
                changes.append(.earlier(from: before, to: now))
            }
        }
        return changes
    }
}

/// A project's lights over the last reports, oldest first.
public enum LightTrend {
    /// How many of the latest reports in a row gave an orange or red light (or worse): a
    /// project oranje for three reports stands out.
    public static func concern(_ lights: [LightDefinition?]) -> Int {
        var count = 0
        for light in lights.reversed() {
            guard let light, !light.isFinished, light.tone == .warning || light.tone == .negative else { break }
            count += 1
        }
        return count
    }

    /// From this many reports in a row a project is marked.
    public static let markFrom = 3
}
