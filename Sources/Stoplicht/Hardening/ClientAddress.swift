import Vapor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Request {
    /// Who sent the request, for the audit trail and the login throttle: the peer's address,
    /// or, when the peer is a reverse proxy named in `STOPLICHT_TRUSTED_PROXIES`, the nearest
    /// address in its X-Forwarded-For that is not itself a trusted proxy. Behind a proxy the
    /// peer is always the proxy, so without this every login would count against one address.
    var clientAddress: String? {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor], trusted: settings.trustedProxies)
    }
}

enum ClientAddress {
    static func resolve(peer: String?, forwardedFor: [String], trusted: Set<String>) -> String? {
        guard let peer, trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        // The proxy appends whom it heard from; hops further left are the client's own word.
        for hop in hops.reversed() where !trusted.contains(hop) {
            return isAddress(hop) ? hop : peer
        }
        return peer
    }

    /// Whether a trusted reverse proxy says the request reached it over HTTPS: the peer is
    /// one of `trusted` and the nearest proxy's X-Forwarded-Proto (the last value) is
    /// `https`. From anyone else the header is the client's own word, and plain HTTP to
    /// Stoplicht itself is no HTTPS.
    static func cameOverHTTPS(peer: String?, forwardedProto: [String], trusted: Set<String>) -> Bool {
        guard let peer, trusted.contains(peer) else { return false }
        let nearest = forwardedProto.flatMap { $0.split(separator: ",") }.last?.trimmingCharacters(in: .whitespaces)
        return nearest?.lowercased() == "https"
    }

    /// An IPv4 or IPv6 address as written, nothing else (a header is the client's to fill).
    static func isAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
