// swift-tools-version:6.0
// Vapor alone, for `scripts/bench-vapor-ceiling`: what the framework answers on this machine
// before Stoplicht adds anything. A package of its own, so Stoplicht's build never sees it.
import PackageDescription

let package = Package(
    name: "vapor-ceiling",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/vapor/vapor.git", from: "4.122.3")],
    targets: [
        .executableTarget(name: "vapor-ceiling", dependencies: [.product(name: "Vapor", package: "vapor")],
                          path: "Sources/vapor-ceiling"),
    ]
)
