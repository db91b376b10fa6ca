import PCHTTP
import Testing

@Suite struct ProxySettingsTests {
    struct EnvironmentCase: Sendable, CustomTestStringConvertible {
        var name: String
        var environment: [String: String]
        var expected: ProxySettings
        var testDescription: String { name }
    }

    @Test(arguments: [
        EnvironmentCase(name: "nothing set", environment: ["PATH": "/bin"], expected: .none),
        EnvironmentCase(name: "uppercase HTTPS_PROXY", environment: ["HTTPS_PROXY": "http://p:3128"],
                        expected: ProxySettings(httpsProxy: "http://p:3128")),
        EnvironmentCase(name: "lowercase https_proxy", environment: ["https_proxy": "http://p:3128"],
                        expected: ProxySettings(httpsProxy: "http://p:3128")),
        EnvironmentCase(name: "lowercase wins, as in libcurl",
                        environment: ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2"],
                        expected: ProxySettings(httpsProxy: "http://lower:1")),
        EnvironmentCase(name: "an empty lowercase value counts as unset",
                        environment: ["https_proxy": "", "HTTPS_PROXY": "http://upper:2"],
                        expected: ProxySettings(httpsProxy: "http://upper:2")),
        EnvironmentCase(name: "lowercase http_proxy", environment: ["http_proxy": "http://p:80"],
                        expected: ProxySettings(httpProxy: "http://p:80")),
        EnvironmentCase(name: "uppercase HTTP_PROXY is ignored (httpoxy)", environment: ["HTTP_PROXY": "http://p:80"],
                        expected: .none),
        EnvironmentCase(name: "NO_PROXY", environment: ["HTTPS_PROXY": "http://p:1", "NO_PROXY": "127.0.0.1,.internal"],
                        expected: ProxySettings(httpsProxy: "http://p:1", noProxy: "127.0.0.1,.internal")),
        EnvironmentCase(name: "no_proxy wins over NO_PROXY", environment: ["no_proxy": "a", "NO_PROXY": "b"],
                        expected: ProxySettings(noProxy: "a")),
        EnvironmentCase(name: "surrounding blanks are trimmed", environment: ["https_proxy": "  http://p:1 \t"],
                        expected: ProxySettings(httpsProxy: "http://p:1")),
        EnvironmentCase(name: "ALL_PROXY is not read", environment: ["ALL_PROXY": "http://p:1", "all_proxy": "http://p:1"],
                        expected: .none),
        EnvironmentCase(name: "everything",
                        environment: ["https_proxy": "http://s:1", "http_proxy": "http://h:2", "no_proxy": "*"],
                        expected: ProxySettings(httpsProxy: "http://s:1", httpProxy: "http://h:2", noProxy: "*")),
    ])
    func fromEnvironment(_ test: EnvironmentCase) {
        #expect(ProxySettings.fromEnvironment(test.environment) == test.expected)
    }

    @Test(arguments: [
        ("https://ecs.us-east-1.amazonaws.com/", "https-proxy"),
        ("HTTPS://EXAMPLE.COM/", "https-proxy"),
        ("http://127.0.0.1:5000/", "http-proxy"),
        ("ftp://example.com/", nil),
    ] as [(String, String?)])
    func theProxyIsChosenByScheme(_ url: String, _ expected: String?) {
        let settings = ProxySettings(httpsProxy: "https-proxy", httpProxy: "http-proxy")
        #expect(settings.proxy(for: url) == expected)
    }
}
