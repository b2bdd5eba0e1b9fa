// swift-tools-version:6.0
// Vapor alone, for `scripts/bench-vapor-ceiling`: what the framework answers on this machine
// before Stoplicht adds anything, and SwiftNIO's HTTP/1 server beneath it (MODE=nio). A
// package of its own, so Stoplicht's build never sees it.
import PackageDescription

let package = Package(
    name: "vapor-ceiling",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "vapor-ceiling",
            dependencies: [
                .product(name: "Vapor", package: "vapor"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/vapor-ceiling")
    ]
)
