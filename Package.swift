// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "stoplicht",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stoplicht", targets: ["stoplicht"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        // The domain rules (lights, the report formats, Markdown) live here, free of Vapor.
        .target(
            name: "StoplichtCore",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Sources/StoplichtCore"
        ),
        .target(
            name: "Stoplicht",
            dependencies: [
                "StoplichtCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ],
            path: "Sources/Stoplicht",
            resources: [.copy("Demo/woudenberg-dienstverlening-2018.txt"), .copy("Web/stoplicht.css")]
        ),
        .executableTarget(
            name: "stoplicht",
            dependencies: ["Stoplicht"],
            path: "Sources/stoplicht"
        ),
        // Benchmarks of the domain rules that need no server: `swift run -c release stoplicht-bench`.
        .executableTarget(
            name: "stoplicht-bench",
            dependencies: ["StoplichtCore"],
            path: "Benchmarks/stoplicht-bench"
        ),
        // The domain rules' tests: they build and run without Vapor.
        .testTarget(
            name: "StoplichtCoreTests",
            dependencies: [
                "StoplichtCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/StoplichtCoreTests"
        ),
        .testTarget(
            name: "StoplichtTests",
            dependencies: [
                "Stoplicht",
                "StoplichtCore",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            path: "Tests/StoplichtTests",
            exclude: ["Views/__Snapshots__"]
        ),
    ]
)
