import NIOConcurrencyHelpers

/// The newest database version handed out so far, so that no request is handed an older one
/// afterwards. Each event loop reads the version for itself (`VersionReads`); around a
/// commit one loop's read can find the new version while another's, begun a moment before
/// the commit, still answers the old one and is handled later. Handed out as it is, that
/// old version would move every `VersionedStore` back, emptying the page just made for the
/// new one, and the next reader at the new version would make it again: a change costing
/// two or three makings of the same page instead of one.
///
/// Handing out the newer version instead is as exact: a read that found it has completed,
/// so whatever the request reads from now on sees at least every commit it holds, and the
/// request's own read (which began after it asked) holds no commit the newer one lacks.
final class LatestVersion: Sendable {
    /// How two versions of one database compare: a key that grows with time, or nil for a
    /// version it cannot place (handed out as it is, and not remembered).
    let order: @Sendable (String) -> [UInt64]?
    private let latest = NIOLockedValueBox<(key: [UInt64], version: String)?>(nil)

    init(order: @escaping @Sendable (String) -> [UInt64]?) {
        self.order = order
    }

    /// Whether `version` is known to come before `other`; false when either cannot be placed.
    func isOlder(_ version: String, than other: String) -> Bool {
        guard let key = order(version), let otherKey = order(other) else { return false }
        return key.lexicographicallyPrecedes(otherKey)
    }

    /// `version` or, when a newer one has been handed out already, that one.
    func advance(_ version: String?) -> String? {
        guard let version, let key = order(version) else { return version }
        return latest.withLockedValue { latest in
            if let known = latest, !known.key.lexicographicallyPrecedes(key) { return known.version }
            latest = (key, version)
            return version
        }
    }

    /// For SQLite's `data_version` as one connection counts it: a number that grows with
    /// every commit it sees. One for each database (each application) watched.
    static func sqlite() -> LatestVersion { LatestVersion { UInt64($0).map { [$0] } } }

    /// For PostgreSQL's `pg_current_snapshot()` as text, `xmin:xmax:xip,…`. Of two snapshots
    /// the later has the higher `xmax` (one past the newest transaction that has ended, 64
    /// bits: it only grows), or the same `xmax` and fewer transactions below it still in
    /// progress: no new transaction gets an id below `xmax`, so those can only have ended.
    static func postgres() -> LatestVersion { LatestVersion(order: snapshotOrder) }

    private static func snapshotOrder(_ snapshot: String) -> [UInt64]? {
        let parts = snapshot.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, UInt64(parts[0]) != nil, let xmax = UInt64(parts[1]) else { return nil }
        let inProgress = parts[2].split(separator: ",")
        guard inProgress.allSatisfy({ UInt64($0) != nil }) else { return nil }
        return [xmax, UInt64.max - UInt64(inProgress.count)]
    }
}
