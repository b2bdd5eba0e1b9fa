import NIOConcurrencyHelpers
import NIOCore
import Testing

@testable import Stoplicht

/// Once a newer version has been handed out, an older one read a moment before a commit is
/// not handed out after it: it would move the kept pages back and have them made again.
@Suite struct LatestVersionTests {
    @Test func sqliteVersionsOnlyMoveForward() {
        let latest = LatestVersion.sqlite()
        #expect(latest.advance("5") == "5")
        // Another loop's read, begun before the commit, answers later.
        #expect(latest.advance("4") == "5")
        #expect(latest.advance("5") == "5")
        #expect(latest.advance("6") == "6")
        // No version (a read that failed) stays none; one it cannot place is handed out as it
        // is and not remembered.
        #expect(latest.advance(nil) == nil)
        #expect(latest.advance("onbekend") == "onbekend")
        #expect(latest.advance("5") == "6")
    }

    @Test func postgresSnapshotsAreOrderedByTheirEndedTransactions() {
        let latest = LatestVersion.postgres()
        #expect(latest.advance("748:752:748,750") == "748:752:748,750")
        // The same xmax with one of those in progress ended is later …
        #expect(latest.advance("748:752:748") == "748:752:748")
        // … and the snapshot from before that is not handed out after it.
        #expect(latest.advance("748:752:748,750") == "748:752:748")
        // A transaction above ended: later, whatever is still in progress.
        #expect(latest.advance("748:755:748,753") == "748:755:748,753")
        #expect(latest.advance("752:752:") == "748:755:748,753")
        #expect(latest.advance("755:755:") == "755:755:")
        #expect(latest.advance("geen:momentopname") == "geen:momentopname")
        #expect(latest.advance("755:755:") == "755:755:")
    }

    /// Each database watched has its own: versions of two applications never meet.
    @Test func eachDatabaseHasItsOwn() {
        let one = LatestVersion.sqlite()
        let other = LatestVersion.sqlite()
        #expect(one.advance("9") == "9")
        #expect(other.advance("3") == "3")
    }

    /// An older version read long after the newest was handed out is a database that went
    /// back (restored in place): it is handed out as it is, and what was kept before is not
    /// placed above it, so no page of the database before is handed out again.
    @Test func aDatabaseThatWentBackIsFollowed() {
        let clock = NIOLockedValueBox(NIODeadline.uptimeNanoseconds(1_000_000_000))
        let latest = LatestVersion(
            order: { UInt64($0).map { [$0] } }, lateness: .seconds(1), now: { clock.withLockedValue { $0 } })
        let store = VersionedCache<String>(maximumBytes: 1_024) { latest.isOlder($0, than: $1) }
        #expect(latest.advance("900") == "900")
        store.insert("voor het terugzetten", key: "overzicht", version: "900", size: 20)
        clock.withLockedValue { $0 = $0 + .milliseconds(400) }
        #expect(latest.advance("12") == "900")
        clock.withLockedValue { $0 = $0 + .milliseconds(700) }
        #expect(latest.advance("12") == "12")
        #expect(latest.advance("13") == "13")
        #expect(store.value("overzicht", version: "13") == nil)
        #expect(store.value("overzicht", version: "900") == nil)
    }

    /// A request's own version, read a while ago, is looked up under the newest handed out;
    /// that changes nothing for the reads after it.
    @Test func aRequestTakesTheNewestWithoutMovingIt() {
        let latest = LatestVersion.sqlite()
        #expect(latest.atLeast("18") == "18")
        #expect(latest.advance("19") == "19")
        #expect(latest.atLeast("18") == "19")
        #expect(latest.atLeast("19") == "19")
        #expect(latest.atLeast("onbekend") == "onbekend")
        #expect(latest.advance("20") == "20")
    }

    /// A request that read the version just before a commit and looks up after it neither
    /// finds the newer page nor empties it with what it makes.
    @Test func aStoreNeverMovesBack() {
        let latest = LatestVersion.sqlite()
        let store = VersionedCache<String>(maximumBytes: 1_024) { latest.isOlder($0, than: $1) }
        #expect(latest.advance("19") == "19")
        store.insert("bij 19", key: "overzicht", version: "19", size: 6)
        #expect(store.value("overzicht", version: "18") == nil)
        store.insert("bij 18", key: "overzicht", version: "18", size: 6)
        #expect(store.value("overzicht", version: "19") == "bij 19")
        // A newer version empties it, as before.
        #expect(latest.advance("20") == "20")
        #expect(store.value("overzicht", version: "20") == nil)
        #expect(store.value("overzicht", version: "19") == nil)
        // Without an order every other version counts as newer.
        let unordered = VersionedCache<String>(maximumBytes: 1_024)
        unordered.insert("bij 19", key: "overzicht", version: "19", size: 6)
        #expect(unordered.value("overzicht", version: "18") == nil)
        #expect(unordered.value("overzicht", version: "19") == nil)
    }

    @Test func olderIsOnlyWhatCanBePlaced() {
        let latest = LatestVersion.postgres()
        #expect(!latest.isOlder("748:752:748,750", than: "748:752:748"))
        #expect(latest.advance("748:752:748") == "748:752:748")
        #expect(latest.isOlder("748:752:748,750", than: "748:752:748"))
        #expect(!latest.isOlder("748:752:748", than: "748:752:748,750"))
        #expect(!latest.isOlder("748:752:748", than: "748:752:748"))
        #expect(!latest.isOlder("onbekend", than: "748:752:748"))
    }
}
