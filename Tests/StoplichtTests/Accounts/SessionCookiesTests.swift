import Testing
import Vapor

@testable import Stoplicht

/// Finding a cookie in the request's Cookie headers without Vapor's parser.
@Suite struct SessionCookiesTests {
    @Test func theCookieIsFoundByItsWholeNameAmongOthers() {
        let headers: HTTPHeaders = [
            "Cookie": "xstoplicht-sessie=fout; _ga=GA1.2; stoplicht-sessie=abc+/=def==;theme=donker"
        ]
        #expect(SessionCookies.value(SessionCookies.session, in: headers) == "abc+/=def==")
        #expect(SessionCookies.value("theme", in: headers) == "donker")
        #expect(SessionCookies.value("_ga", in: headers) == "GA1.2")
        #expect(SessionCookies.value("stoplicht", in: headers) == nil)
    }

    @Test func anEmptyOrMissingCookieIsNone() {
        #expect(SessionCookies.value(SessionCookies.session, in: [:]) == nil)
        #expect(SessionCookies.value(SessionCookies.session, in: ["Cookie": "stoplicht-sessie="]) == nil)
        #expect(SessionCookies.value(SessionCookies.session, in: ["Cookie": "stoplicht-sessie"]) == nil)
        #expect(SessionCookies.value(SessionCookies.session, in: ["Cookie": ""]) == nil)
    }

    @Test func everyCookieHeaderIsRead() {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "a=1")
        headers.add(name: .cookie, value: "\(SessionCookies.loginToken)=teken")
        #expect(SessionCookies.value(SessionCookies.loginToken, in: headers) == "teken")
    }

    @Test func theSetCookieValuesAreHardened() throws {
        let session = try #require(
            HTTPHeaders([("Set-Cookie", SessionCookies.sessionCookie(SessionID(string: "id1")))]).setCookie?[
                SessionCookies.session])
        #expect(
            session.string == "id1" && session.isSecure && session.isHTTPOnly && session.sameSite == .lax
                && session.path == "/")
        #expect(session.expires == nil && session.maxAge == nil)
        let expired = try #require(
            HTTPHeaders([("Set-Cookie", SessionCookies.expiredSessionCookie)]).setCookie?[SessionCookies.session])
        #expect(expired.string.isEmpty && expired.maxAge == 0)
    }
}
