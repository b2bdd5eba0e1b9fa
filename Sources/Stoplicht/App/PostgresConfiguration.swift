import FluentPostgresDriver

extension SQLPostgresConfiguration {
    /// The server `DATABASE_URL` names, for Fluent's pool and for the connections the
    /// database's version is read on (`PostgresSnapshot`): TLS only where the URL asks for it
    /// with an `sslmode` other than `disable`.
    static func stoplicht(url: String) throws -> SQLPostgresConfiguration {
        var configuration = try SQLPostgresConfiguration(url: url)
        if url.contains("sslmode=disable") || !url.contains("sslmode") {
            configuration.coreConfiguration.tls = .disable
        }
        return configuration
    }
}
