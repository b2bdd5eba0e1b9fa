import Foundation

/// The size of a synthetic installation: organisations × programmes × projects × periods.
public struct SyntheticSize: Sendable, Equatable {
    public var organisations: Int
    public var programmesPerOrganisation: Int
    public var projectsPerProgramme: Int
    public var periodsPerProgramme: Int

    public init(organisations: Int, programmesPerOrganisation: Int, projectsPerProgramme: Int, periodsPerProgramme: Int)
    {
        self.organisations = organisations
        self.programmesPerOrganisation = programmesPerOrganisation
        self.projectsPerProgramme = projectsPerProgramme
        self.periodsPerProgramme = periodsPerProgramme
    }

    public var programmes: Int { organisations * programmesPerOrganisation }
    public var projects: Int { programmes * projectsPerProgramme }
    /// One status per project per period.
    public var statuses: Int { projects * periodsPerProgramme }

    /// The limits a generator run accepts, so that a typo cannot ask for a billion rows.
    public static let maximum = SyntheticSize(
        organisations: 1_000, programmesPerOrganisation: 100,
        projectsPerProgramme: 5_000, periodsPerProgramme: 120)
}

/// A small, fast, seeded random number generator (SplitMix64), so the same seed gives the
/// same installation on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A fresh generator for one part (a programme), independent of how much the others drew.
    public func derived(_ part: Int) -> SeededGenerator {
        var copy = SeededGenerator(seed: state ^ (UInt64(part) &* 0xD6E8_FEB8_6659_FD93))
        _ = copy.next()
        return copy
    }
}

/// One reporting period of a synthetic programme: four months each, three a year.
public struct SyntheticPeriod: Sendable, Equatable {
    public var name: String
    public var startsOn: String
    public var endsOn: String

    static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ]
    /// The last days of April, August and December, where the periods end.
    static let lastDays = [3: 30, 7: 31, 11: 31]

    /// The `count` periods that end with the one running in `currentYear`'s last third.
    public static func sequence(count: Int, endingIn currentYear: Int) -> [SyntheticPeriod] {
        let last = currentYear * 3 + 2
        return (0..<count).map { offset in
            let index = last - (count - 1 - offset)
            let year = index / 3
            let third = index % 3
            let first = third * 4
            let final = first + 3
            return SyntheticPeriod(
                name: "\(months[first]) t/m \(months[final]) \(year)",
                startsOn: String(format: "%04d-%02d-01", year, first + 1),
                endsOn: String(format: "%04d-%02d-%02d", year, final + 1, lastDays[final]!))
        }
    }

    public var year: Int { Int(startsOn.prefix(4)) ?? 0 }
    /// The quarters (1–4) in which the period starts and ends.
    public var startQuarter: Int { Self.quarter(of: startsOn) }
    public var endQuarter: Int { Self.quarter(of: endsOn) }

    private static func quarter(of day: String) -> Int { ((Int(day.dropFirst(5).prefix(2)) ?? 1) - 1) / 3 + 1 }
}
