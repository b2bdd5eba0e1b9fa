import NIOConcurrencyHelpers
import NIOCore

/// The newest database version handed out so far, so that no request is handed an older one
/// afterwards. Each event loop reads the version for itself (`VersionReads`); around a
/// commit one loop's read can find the new version while another's, begun a moment before
/// the commit, still answers the old one and is handled later. Handed out as it is, that
/// old version would move every `VersionedCache` back, emptying the page just made for the
/// new one, and the next reader at the new version would make it again: a change costing
/// two or three renderings of the same page instead of one.
///
/// Handing out the newer version instead is as exact: a read that found it has completed,
/// so whatever the request reads from now on sees at least every commit it holds, and the
/// request's own read (which began after it asked) holds no commit the newer one lacks.
///
/// A read that answers an older version longer than `lateness` after the newest was first
/// handed out is no late read but a database that went back (restored in place behind a
/// running Stoplicht): its version is handed out as it is and becomes the newest, so what
/// was cached before is not handed out again.
final class LatestVersion: Sendable {
    private struct Newest {
        var key: [UInt64]
        var version: String
        /// When it was first handed out.
        var since: NIODeadline
    }

    /// How two versions of one database compare: a key that grows with time, or nil for a
    /// version it cannot place (handed out as it is, and not remembered).
    let order: @Sendable (String) -> [UInt64]?
    private let lateness: TimeAmount
    private let now: @Sendable () -> NIODeadline
    private let newest = NIOLockedValueBox<Newest?>(nil)

    init(
        order: @escaping @Sendable (String) -> [UInt64]?, lateness: TimeAmount = .seconds(1),
        now: @escaping @Sendable () -> NIODeadline = { NIODeadline.now() }
    ) {
        self.order = order
        self.lateness = lateness
        self.now = now
    }

    /// What a read that found `version` hands out: `version` or, when a newer one has been
    /// handed out already (less than `lateness` ago), that one.
    func advance(_ version: String?) -> String? {
        guard let version, let key = order(version) else { return version }
        let now = self.now()
        return newest.withLockedValue { newest in
            if let known = newest {
                if known.key == key { return version }
                if key.lexicographicallyPrecedes(known.key), now - known.since < lateness { return known.version }
            }
            newest = Newest(key: key, version: version, since: now)
            return version
        }
    }

    /// `version` as read by a request a while ago, or the newer one handed out since. Never
    /// changes what is newest: the request's read is not a new one.
    func atLeast(_ version: String) -> String {
        guard let key = order(version) else { return version }
        return newest.withLockedValue { newest in
            guard let known = newest, key.lexicographicallyPrecedes(known.key) else { return version }
            return known.version
        }
    }

    /// Whether `version` comes before `other`, `other` being no newer than the newest handed
    /// out (after the database went back, a version from before is not placed); false when
    /// either cannot be placed.
    func isOlder(_ version: String, than other: String) -> Bool {
        guard let key = order(version), let otherKey = order(other) else { return false }
        return newest.withLockedValue { newest in
            guard let known = newest, !known.key.lexicographicallyPrecedes(otherKey) else { return false }
            return key.lexicographicallyPrecedes(otherKey)
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
