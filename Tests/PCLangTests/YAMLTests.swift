import Testing
@testable import PCLang

/// yamlencode and yamldecode against Terraform 1.11's own output: every
/// expected string below was printed by `terraform console`.
struct YAMLTests {
    // MARK: Encoding

    /// (value as JSON, Terraform's yamlencode of it).
    static let encodings: [(String, String)] = [
        ("\"a\"", "\"a\"\n"),
        ("\"\"", "\"\"\n"),
        ("1", "1\n...\n"),
        ("1.5", "1.5\n...\n"),
        ("-3", "-3\n...\n"),
        ("1e+100", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\n...\n"),
        ("0.1", "0.1\n...\n"),
        ("true", "true\n...\n"),
        ("false", "false\n...\n"),
        ("null", "null\n...\n"),
        ("[]", "[]\n"),
        ("{}", "{}\n"),
        ("\"a\\nb\"", "|-\n  a\n  b\n"),
        ("\"a\\nb\\n\"", "|\n  a\n  b\n"),
        ("\"a\\nb\\n\\n\"", "|+\n  a\n  b\n\n"),
        ("\"\\n\"", "|2+\n\n"),
        ("\"\\n\\n\"", "|2+\n\n\n"),
        ("\"\\na\"", "|2-\n\n  a\n"),
        ("\" a\\nb\"", "|2-\n   a\n  b\n"),
        ("\"a \\nb\"", "\"a \\nb\"\n"),
        ("\"x\\n \"", "\"x\\n \"\n"),
        ("{\"a\": \"x\\ny\"}", "\"a\": |-\n  x\n  y\n"),
        ("{\"a\": {\"b\": [1, {\"c\": \"d\"}, [], {}, [2, 3]]}}", "\"a\":\n  \"b\":\n  - 1\n  - \"c\": \"d\"\n  - []\n  - {}\n  - - 2\n    - 3\n"),
        ("[[1, 2], [3]]", "- - 1\n  - 2\n- - 3\n"),
        ("[{\"a\": 1, \"b\": 2}]", "- \"a\": 1\n  \"b\": 2\n"),
        ("[\"a\\nb\", {\"x\": \"y\\n\"}]", "- |-\n  a\n  b\n- \"x\": |\n    y\n"),
        ("[\" lead\\n\"]", "- |2\n   lead\n"),
        ("\"trailing \\n\"", "\"trailing \\n\"\n"),
        ("\"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29\"", "\"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n  word25 word26 word27 word28 word29\"\n"),
        ("{\"key\": \"w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29\"}", "\"key\": \"w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20\n  w21 w22 w23 w24 w25 w26 w27 w28 w29\"\n"),
        ("{\"abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd\": 1}", "? \"abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd\"\n: 1\n"),
        ("{\"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\": 1}", "\"ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\": 1\n"),
        ("\"word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15  word16  word17  word18  word19  word20  word21  word22  word23  word24  word25  word26  word27  word28  word29\"", "\"word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11\n  \\ word12  word13  word14  word15  word16  word17  word18  word19  word20  word21\n  \\ word22  word23  word24  word25  word26  word27  word28  word29\"\n"),
        ("[[\"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29\"]]", "- - \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29\"\n"),
        ("{\"a\\nb\": 1}", "? |-\n  a\n  b\n: 1\n"),
        ("\"a\\r\\nb\"", "\"a\\r\\nb\"\n"),
        ("\"\u{85}x\u{2028}y\"", "\"\\Nx\\Ly\"\n"),
        ("\"\u{FEFF}ab\"", "\"\\uFEFF\\x61\\x62\"\n"),
        ("\"a\u{A0}bé\\u0007\\u001b\\t\"", "\"a\u{A0}bé\\a\\e\\t\"\n"),
        ("\"tab\\there\\nx\"", "\"tab\\there\\nx\"\n"),
        ("\"😀\"", "\"\\U0001F600\"\n"),
        ("\"a😀\\nb\"", "\"a\\U0001F600\\nb\"\n"),
        ("\"\u{7F}\"", "\"\\x7F\"\n"),
        ("\"\u{E000}\u{FFFF}\u{FFFE}\"", "\"\u{E000}\\uFFFF\\uFFFE\"\n"),
        ("{\"\": 1}", "\"\": 1\n"),
        ("{\"a\": null, \"b\": true, \"c\": [null]}", "\"a\": null\n\"b\": true\n\"c\":\n- null\n"),
        ("[[[]]]", "- - []\n"),
        ("[[{}]]", "- - {}\n"),
        ("{\"a\": [[1]]}", "\"a\":\n- - 1\n"),
        ("{\"a\": [{\"b\": [{\"c\": 1}]}]}", "\"a\":\n- \"b\":\n  - \"c\": 1\n"),
        ("\"null\"", "\"null\"\n"),
        ("\"true\"", "\"true\"\n"),
        ("\"1\"", "\"1\"\n"),
        ("\"- a\"", "\"- a\"\n"),
        ("\"a: b\"", "\"a: b\"\n"),
        ("\"#x\"", "\"#x\"\n"),
        ("\"@x\"", "\"@x\"\n"),
        ("\"'q'\"", "\"'q'\"\n"),
        ("\"\\\"dq\\\"\"", "\"\\\"dq\\\"\"\n"),
        ("\"---\"", "\"---\"\n"),
        ("\"...\"", "\"...\"\n"),
        ("\"a # b\"", "\"a # b\"\n"),
        ("\"  \"", "\"  \"\n"),
        ("\" \"", "\" \"\n"),
        ("\"\\\\\"", "\"\\\\\"\n"),
        ("\"x\\\"y\"", "\"x\\\"y\"\n"),
        ("{\"a\": \"x\\n\\n\"}", "\"a\": |+\n  x\n\n"),
        ("{\"k\": \"multi\\nline\\nvalue\\n\"}", "\"k\": |\n  multi\n  line\n  value\n"),
        ("[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyyyyyyyy\"]", "- \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  yyyyyyyyyy\"\n"),
        ("\"a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a \"", "\"a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a\n  a a a a a a a a a \"\n"),
        ("\"abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc\"", "\"abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc\n  abc abc abc abc abc abc abc abc abc\"\n"),
        ("{\"nested\": {\"deep\": {\"x\": \"longword longword longword longword longword longword longword longword longword longword longword longword longword longword longword\"}}}", "\"nested\":\n  \"deep\":\n    \"x\": \"longword longword longword longword longword longword longword longword\n      longword longword longword longword longword longword longword\"\n"),
        ("\"line1\\nline2 with trailing space \\nline3\"", "\"line1\\nline2 with trailing space \\nline3\"\n"),
        ("\"a\\n\\n\\nb\"", "|-\n  a\n\n\n  b\n"),
        ("\"a\u{2028}b\\nc\"", "|-\n  a\u{2028}  b\n  c\n"),
        ("\"é\\nà\"", "|-\n  é\n  à\n"),
        ("{\"é\": \"ü\"}", "\"é\": \"ü\"\n"),
        ("{\"a b\": 1, \"a:b\": 2, \"a: b\": 3, \"-a\": 4, \"- a\": 5}", "\"- a\": 5\n\"-a\": 4\n\"a b\": 1\n\"a: b\": 3\n\"a:b\": 2\n"),
        ("\"line\\n  indented\\n\"", "|\n  line\n    indented\n"),
        ("\"\\tx\\ny\"", "\"\\tx\\ny\"\n"),
        ("\"x\\n\\ty\"", "\"x\\n\\ty\"\n"),
        ("\"\\n\\nx\\n\\n\"", "|2+\n\n\n  x\n\n"),
    ]

    @Test(arguments: encodings)
    func encodesAsTerraform(json: String, expected: String) throws {
        let value = try Value.fromJSON(json)
        #expect(try YAMLEncoder.encode(value) == expected)
    }

    @Test func encodesCollectionsOfEveryKind() throws {
        let value = Value.object([
            "list": .list([.string("a"), .string("b")], element: .string),
            "set": .set([.number(2), .number(1)], element: .number),
            "map": .map(["k": .null(.string)], element: .string),
        ])
        #expect(try YAMLEncoder.encode(value) == "\"list\":\n- \"a\"\n- \"b\"\n\"map\":\n  \"k\": null\n\"set\":\n- 1\n- 2\n")
    }

    @Test func unknownValuesCannotBeEncoded() {
        #expect(throws: YAMLError.self) { try YAMLEncoder.encode(.tuple([.unknown(.string)])) }
    }

    // MARK: Decoding

    /// (YAML text, Terraform's jsonencode(yamldecode(text))).
    static let decodings: [(String, String)] = [
        ("a: 1", "{\"a\":1}"),
        ("a: 1\nb: [1, 2]\nc: {d: e}", "{\"a\":1,\"b\":[1,2],\"c\":{\"d\":\"e\"}}"),
        ("- a\n- b\n-\n- c", "[\"a\",\"b\",null,\"c\"]"),
        ("a:\n- 1\n- 2\nb: x", "{\"a\":[1,2],\"b\":\"x\"}"),
        ("a:\n  - 1\n  - 2", "{\"a\":[1,2]}"),
        ("a:\n  b:\n    c: d\n  e: f", "{\"a\":{\"b\":{\"c\":\"d\"},\"e\":\"f\"}}"),
        ("yes", "true"),
        ("on", "true"),
        ("y", "true"),
        ("0x1F", "31"),
        ("0o17", "15"),
        ("017", "17"),
        ("1_000", "\"1_000\""),
        ("+12", "12"),
        ("1.5e3", "1500"),
        (".5", "0.5"),
        ("1.", "1"),
        ("2001-12-14", "\"2001-12-14T00:00:00Z\""),
        ("2001-12-14t21:59:43.10-05:00", "\"2001-12-14T21:59:43-05:00\""),
        ("2001-12-14 21:59:43.10", "\"2001-12-14T21:59:43Z\""),
        ("~", "null"),
        ("---", "null"),
        ("!!str 1", "\"1\""),
        ("!!int \"12\"", "\"12\""),
        ("-1e-3", "-0.001"),
        ("1e3", "1000"),
        ("0b101", "\"0b101\""),
        ("12:30", "\"12:30\""),
        ("-0x1F", "\"-0x1F\""),
        ("a: &x {p: 1, q: 2}\nb:\n  <<: *x\n  q: 3", "{\"a\":{\"p\":1,\"q\":2},\"b\":{\"p\":1,\"q\":3}}"),
        ("b:\n  q: 3\n  <<: {q: 4}", "{\"b\":{\"q\":4}}"),
        ("- <<", "[\"\\u003c\\u003c\"]"),
        ("1: 2", "{\"1\":2}"),
        ("true: 2", "{\"true\":2}"),
        ("1.50: 2", "{\"1.5\":2}"),
        ("!!binary aGVsbG8=", "\"aGVsbG8=\""),
        ("text: |\n  line1\n  line2\n", "{\"text\":\"line1\\nline2\\n\"}"),
        ("text: |-\n  line1\n  line2\n", "{\"text\":\"line1\\nline2\"}"),
        ("text: |+\n  line1\n\n\n", "{\"text\":\"line1\\n\\n\\n\"}"),
        ("text: >\n  folded\n  line\n\n  para\n", "{\"text\":\"folded line\\npara\\n\"}"),
        ("text: >-\n  a\n  b\n", "{\"text\":\"a b\"}"),
        ("text: >\n  a\n    indented\n  b\n", "{\"text\":\"a\\n  indented\\nb\\n\"}"),
        ("t: |2\n   x\n  y", "{\"t\":\" x\\ny\"}"),
        ("'single ''quoted'''", "\"single 'quoted'\""),
        ("\"dq \\t \\n \\u00e9 \\x41 \\U0001F600\"", "\"dq \\t \\n é A 😀\""),
        ("\"multi\n  line\n\n  string\"", "\"multi line\\nstring\""),
        ("plain\n  multi\n  line", "\"plain multi line\""),
        ("a: b c d", "{\"a\":\"b c d\"}"),
        ("a: 'x' # comment", "{\"a\":\"x\"}"),
        ("# head\na: 1 # tail\n# foot", "{\"a\":1}"),
        ("[1, [2, 3], {a: b}]", "[1,[2,3],{\"a\":\"b\"}]"),
        ("{a: 1, b: [x, y], c}", "{\"a\":1,\"b\":[\"x\",true],\"c\":null}"),
        ("[a: b, c]", "[{\"a\":\"b\"},\"c\"]"),
        ("{a:1}", "{\"a:1\":null}"),
        ("[a, b, ]", "[\"a\",\"b\"]"),
        ("{a: 1, }", "{\"a\":1}"),
        ("a: {}", "{\"a\":{}}"),
        ("a: []", "{\"a\":[]}"),
        ("a:", "{\"a\":null}"),
        ("a: ~", "{\"a\":null}"),
        ("? a\n: b", "{\"a\":\"b\"}"),
        ("? |\n  block key\n: v", "{\"block key\\n\":\"v\"}"),
        ("&a x", "\"x\""),
        ("- &a [1, 2]\n- *a", "[[1,2],[1,2]]"),
        ("a: 'it''s'", "{\"a\":\"it's\"}"),
        ("x: \"\\\"q\\\"\"", "{\"x\":\"\\\"q\\\"\"}"),
        ("key with spaces: value", "{\"key with spaces\":\"value\"}"),
        ("\"quoted key\": 1", "{\"quoted key\":1}"),
        ("null", "null"),
        ("Null", "null"),
        ("NULL", "null"),
        ("nul", "\"nul\""),
        ("True", "true"),
        ("tRue", "\"tRue\""),
        ("FALSE", "false"),
        ("off", "false"),
        ("Off", "false"),
        ("1e400", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("-.5", "-0.5"),
        ("+.5", "0.5"),
        (".", "\".\""),
        ("-", "[null]"),
        ("--", "\"--\""),
        ("- -1", "[-1]"),
        ("0", "0"),
        ("00", "0"),
        ("1.0", "1"),
        ("1.50", "1.5"),
        ("3.14159265358979323846264338327950288", "3.14159265358979323846264338327950288"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("0x", "\"0x\""),
        ("0o8", "\"0o8\""),
        ("0xFFFFFFFFFFFFFFFF", "18446744073709551615"),
        ("0x7FFFFFFFFFFFFFFF", "9223372036854775807"),
        ("2001-02-29", "\"2001-02-29\""),
        ("2000-02-29", "\"2000-02-29T00:00:00Z\""),
        ("2001-13-01", "\"2001-13-01\""),
        ("2001-1-2", "\"2001-01-02T00:00:00Z\""),
        ("2001-01-02T03:04:05Z", "\"2001-01-02T03:04:05Z\""),
        ("2001-01-02T03:04:05+00:00", "\"2001-01-02T03:04:05Z\""),
        ("2001-01-02T03:04:05.123+01:30", "\"2001-01-02T03:04:05+01:30\""),
        ("2001-01-02T03:04:05", "\"2001-01-02T03:04:05\""),
        ("2001-01-02 3:4:5", "\"2001-01-02T03:04:05Z\""),
        ("20011-01-02", "\"20011-01-02\""),
        ("a:\n- b\n-\n  - c\n  - d", "{\"a\":[\"b\",[\"c\",\"d\"]]}"),
        ("- a: 1\n  b: 2\n- c: 3", "[{\"a\":1,\"b\":2},{\"c\":3}]"),
        ("- - 1\n  - 2\n- - 3", "[[1,2],[3]]"),
        ("a:\n  - b: 1\n    c: 2", "{\"a\":[{\"b\":1,\"c\":2}]}"),
        ("x: !!float 1", "{\"x\":1}"),
        ("x: !!null ''", "{\"x\":\"\"}"),
        ("x: !!bool yes", "{\"x\":true}"),
        ("x: !!timestamp 2001-01-01", "{\"x\":\"2001-01-01T00:00:00Z\"}"),
        ("x: !!seq [1]", "{\"x\":[1]}"),
        ("x: !!map {a: 1}", "{\"x\":{\"a\":1}}"),
        ("%YAML 1.1\n---\na: 1", "{\"a\":1}"),
        ("--- a\n...", "\"a\""),
        ("--- >\n  folded\n  doc\n", "\"folded doc\\n\""),
        ("a: 1\n...\n", "{\"a\":1}"),
        ("a:\n  b\n  c", "{\"a\":\"b c\"}"),
        ("'a\n\n  b'", "\"a\\nb\""),
        ("\"a\\\n   b\"", "\"ab\""),
        ("!<tag:yaml.org,2002:str> 5", "\"5\""),
        ("a: 1\na: 2", "{\"a\":2}"),
        ("{? a: b}", "{\"a\":\"b\"}"),
        ("- - - x", "[[[\"x\"]]]"),
        ("[[[[]]]]", "[[[[]]]]"),
        ("{a: {b: {c: {}}}}", "{\"a\":{\"b\":{\"c\":{}}}}"),
        ("a: 'x'\nb: \"y\"\nc: z", "{\"a\":\"x\",\"b\":\"y\",\"c\":\"z\"}"),
        ("\u{FEFF}a: 1", "{\"a\":1}"),
        ("a: 1\r\nb: 2\r\n", "{\"a\":1,\"b\":2}"),
        ("   a: 1", "{\"a\":1}"),
        ("a:    1   ", "{\"a\":1}"),
        ("a: \"\"", "{\"a\":\"\"}"),
        ("a: ''", "{\"a\":\"\"}"),
        ("'': 1", "{\"\":1}"),
        ("a: \"\\x00\"", "{\"a\":\"\\u0000\"}"),
        ("a: \"\\N\\_\\L\\P\"", "{\"a\":\"\u{85}\u{A0}\\u2028\\u2029\"}"),
        ("time: 12:30:00", "{\"time\":\"12:30:00\"}"),
        ("ver: 1.2.3", "{\"ver\":\"1.2.3\"}"),
        ("ip: 10.0.0.1", "{\"ip\":\"10.0.0.1\"}"),
        ("port: 08080", "{\"port\":8080}"),
        ("pi: 3.14", "{\"pi\":3.14}"),
        ("neg: -42", "{\"neg\":-42}"),
        ("exp: 6.02e23", "{\"exp\":602000000000000000000000}"),
        ("hexint: 0xFF", "{\"hexint\":255}"),
        ("octal: 0o14", "{\"octal\":12}"),
        ("str: 0xZZ", "{\"str\":\"0xZZ\"}"),
        ("bool_list: [yes, no, on, off, y, n]", "{\"bool_list\":[true,false,true,false,true,false]}"),
        ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\n    tier: \"frontend\"\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: nginx\n          image: nginx:1.25\n          ports:\n            - containerPort: 80\n              protocol: TCP\n          env:\n            - name: MODE\n              value: \"production\"\n            - {name: DEBUG, value: \"false\"}\n          args: [\"--port\", \"80\", --verbose]\n          resources:\n            limits: {cpu: 500m, memory: 128Mi}\n", "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"labels\":{\"app\":\"web\",\"tier\":\"frontend\"},\"name\":\"web\"},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"args\":[\"--port\",\"80\",\"--verbose\"],\"env\":[{\"name\":\"MODE\",\"value\":\"production\"},{\"name\":\"DEBUG\",\"value\":\"false\"}],\"image\":\"nginx:1.25\",\"name\":\"nginx\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"}],\"resources\":{\"limits\":{\"cpu\":\"500m\",\"memory\":\"128Mi\"}}}]}}}}"),
        ("version: '3.8'\nx-defaults: &defaults\n  restart: always\n  logging:\n    driver: json-file\nservices:\n  web:\n    <<: *defaults\n    image: \"example/web:latest\"\n    ports:\n      - \"8080:80\"\n      - 443:443\n    environment:\n      - KEY=value\n      - OTHER=1\n  db:\n    <<: *defaults\n    restart: \"no\"\n    image: postgres\n", "{\"services\":{\"db\":{\"image\":\"postgres\",\"logging\":{\"driver\":\"json-file\"},\"restart\":\"no\"},\"web\":{\"environment\":[\"KEY=value\",\"OTHER=1\"],\"image\":\"example/web:latest\",\"logging\":{\"driver\":\"json-file\"},\"ports\":[\"8080:80\",\"443:443\"],\"restart\":\"always\"}},\"version\":\"3.8\",\"x-defaults\":{\"logging\":{\"driver\":\"json-file\"},\"restart\":\"always\"}}"),
        ("#cloud-config\npackage_update: true\npackages:\n  - nginx\n  - git\nwrite_files:\n  - path: /etc/motd\n    content: |\n      Welcome!\n        indented line\n\n      after blank\n    permissions: '0644'\nruncmd:\n  - [ sh, -c, \"echo hello\" ]\n  - systemctl restart nginx\n", "{\"package_update\":true,\"packages\":[\"nginx\",\"git\"],\"runcmd\":[[\"sh\",\"-c\",\"echo hello\"],\"systemctl restart nginx\"],\"write_files\":[{\"content\":\"Welcome!\\n  indented line\\n\\nafter blank\\n\",\"path\":\"/etc/motd\",\"permissions\":\"0644\"}]}"),
        ("# policy\nVersion: \"2012-10-17\"\nStatement:\n- Sid: AllowRead\n  Effect: Allow\n  Action:\n  - s3:GetObject\n  - s3:ListBucket\n  Resource: [\"arn:aws:s3:::bucket\", \"arn:aws:s3:::bucket/*\"]\n  Condition:\n    StringEquals:\n      aws:SourceVpc: vpc-123\n", "{\"Statement\":[{\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Condition\":{\"StringEquals\":{\"aws:SourceVpc\":\"vpc-123\"}},\"Effect\":\"Allow\",\"Resource\":[\"arn:aws:s3:::bucket\",\"arn:aws:s3:::bucket/*\"],\"Sid\":\"AllowRead\"}],\"Version\":\"2012-10-17\"}"),
        ("---\nlist:\n- a\n- b:\n    c: d\n-   - nested\n    - more\nfolded: >\n  This is a long\n  folded paragraph.\n\n  Second paragraph\n    with indent\n  end\nempty_map: {}\nempty_list: []\nquoted: \"line1\\nline2 \\\"q\\\"\"\nsingle: 'don''t'\nmulti_plain: this is\n  a multi line\n  plain scalar\n...\n", "{\"empty_list\":[],\"empty_map\":{},\"folded\":\"This is a long folded paragraph.\\nSecond paragraph\\n  with indent\\nend\\n\",\"list\":[\"a\",{\"b\":{\"c\":\"d\"}},[\"nested\",\"more\"]],\"multi_plain\":\"this is a multi line plain scalar\",\"quoted\":\"line1\\nline2 \\\"q\\\"\",\"single\":\"don't\"}"),
        ("a: 1 # comment\n# full\nb: 2\n\n\nc:\n  # inner comment\n  d: 3\n", "{\"a\":1,\"b\":2,\"c\":{\"d\":3}}"),
        ("matrix:\n  include:\n    - {os: linux, arch: amd64}\n    - {os: darwin, arch: arm64}\n", "{\"matrix\":{\"include\":[{\"arch\":\"amd64\",\"os\":\"linux\"},{\"arch\":\"arm64\",\"os\":\"darwin\"}]}}"),
        ("key: >+\n  keep\n\n\nnext: 1\n", "{\"key\":\"keep\\n\\n\\n\",\"next\":1}"),
        ("key: |2\n    two extra\n  base\n", "{\"key\":\"  two extra\\nbase\\n\"}"),
        ("- ? complex\n  : value\n", "[{\"complex\":\"value\"}]"),
        ("anchors:\n  base: &b\n    x: 1\n  derived:\n    <<: *b\n    y: 2\n  list: &l [1, 2]\n  copy: *l\n", "{\"anchors\":{\"base\":{\"x\":1},\"copy\":[1,2],\"derived\":{\"true\":2,\"x\":1},\"list\":[1,2]}}"),
    ]

    @Test(arguments: decodings)
    func decodesAsTerraform(yaml: String, expectedJSON: String) throws {
        let value = try YAMLDecoder.decode(yaml)
        #expect(try value.jsonString() == expectedJSON)
    }

    /// (YAML text, Terraform's message for it). Positions are checked
    /// apart: Terraform prints 0-based or no line numbers here, pcplan
    /// the 1-based line and column of the problem.
    static let failures: [(String, String)] = [
        ("x: !!bool maybe", "cannot parse \"maybe\" as tag:yaml.org,2002:bool"),
        ("x: !!int abc", "cannot parse \"abc\" as tag:yaml.org,2002:int"),
        ("x: !!map [1]", "can't interpret sequence as tag:yaml.org,2002:map"),
        ("%YAML 1.2\n---\na: 1", "found incompatible YAML document"),
        ("%TAG !e! tag:example.com,2000:\n---\na: !e!foo 1", "unsupported tag \"tag:example.com,2000:foo\""),
        ("a: 1\n---\nb: 2", "unexpected extra content after value"),
        ("- a\nb: 1", "did not find expected '-' indicator"),
        ("x: [1", "did not find expected ',' or ']'"),
        ("x: \"abc", "found unexpected end of stream"),
        ("x:\n\t- 1", "found character that cannot start any token"),
        ("a: b: c", "mapping values are not allowed in this context"),
        ("x: @a", "found character that cannot start any token"),
        ("{a: 1", "did not find expected ',' or '}'"),
        ("x: |\n  a\n b", "did not find expected key"),
        ("a: *x", "reference to undefined anchor \"x\""),
        ("a: &x [1, *x]", "cannot refer to anchor \"x\" from inside its own definition"),
        ("? [1]\n: 2", "only strings are allowed as mapping keys"),
        ("null: 2", "mapping key cannot be null"),
        ("~: 2", "mapping key cannot be null"),
        ("<<: 1", "cannot merge number into mapping"),
        ("a: b\n  c: d", "mapping values are not allowed in this context"),
        ("a: |\n\ttab", "found a tab character where an indentation space is expected"),
        ("\"\\q\"", "found unknown escape character"),
        ("!foo x", "unsupported tag \"!foo\""),
        ("! x", "unsupported tag \"!\""),
        ("[a, b]: c", "only strings are allowed as mapping keys"),
        ("a: -\n", "block sequence entries are not allowed in this context"),
    ]

    @Test(arguments: failures)
    func rejectsAsTerraform(yaml: String, expected: String) {
        do {
            let value = try YAMLDecoder.decode(yaml)
            Issue.record("decoded \(value) from \(yaml)")
        } catch {
            #expect(error.message == expected)
        }
    }

    static let positions: [(String, String)] = [
        ("a: 1\nb: [1, 2\nc: 3", "on line 3, column 2: did not find expected ',' or ']'"),
        ("a: 1\n  b: 2", "on line 2, column 4: mapping values are not allowed in this context"),
        ("x:\n\t- 1", "on line 2, column 1: found character that cannot start any token"),
        ("list:\n- a\nb: 1\n- c", "on line 4, column 1: did not find expected key"),
        ("a: \"abc", "on line 1, column 8: found unexpected end of stream"),
        ("a: *nowhere", "on line 1, column 4: reference to undefined anchor \"nowhere\""),
        ("a: 1\n---\nb: 2", "on line 2, column 1: unexpected extra content after value"),
        ("", "on line 1, column 1: missing start of document"),
        ("# only a comment\n", "on line 2, column 1: missing start of document"),
        ("a: \"\\q\"", "on line 1, column 5: found unknown escape character"),
        ("a: |\n  x\n\ty", "on line 3, column 1: found a tab character where an indentation space is expected"),
        ("\u{1}", "on line 1, column 1: control characters are not allowed"),
    ]

    @Test(arguments: positions)
    func reportsLineAndColumn(yaml: String, expected: String) {
        do {
            _ = try YAMLDecoder.decode(yaml)
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func keepsValueTypesOfBlockScalars() throws {
        // An untagged block scalar is a string even when its text reads as
        // a bool, a number or null; Terraform converts the resolved value.
        let value = try YAMLDecoder.decode("a: |-\n  yes\nb: >-\n  ~\nc: |-\n  1.50")
        #expect(value == .object(["a": .string("true"), "b": .null(.string), "c": .string("1.5")]))
    }

    @Test func sharesAnchoredValues() throws {
        let value = try YAMLDecoder.decode("base: &b {x: 1, z: [a]}\ncopy: *b\nmerged:\n  <<: *b\n  z: 2")
        let base = Value.object(["x": .number(1), "z": .tuple([.string("a")])])
        #expect(value == .object(["base": base, "copy": base, "merged": .object(["x": .number(1), "z": .number(2)])]))
    }

    @Test func readsYAML11BooleansEvenAsKeys() throws {
        // As in Terraform: `y`, `yes`, `on` are true, and a key is the
        // text of its resolved value.
        #expect(try YAMLDecoder.decode("y: on\nno: 1.50") == .object(["true": .true, "false": .number(Number(parsing: "1.5")!)]))
    }

    // MARK: Hostile input

    @Test func refusesDeepNestingWithoutCrashing() {
        for text in [String(repeating: "[", count: 50_000), String(repeating: "{a: ", count: 50_000),
                     (0..<2_000).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n"),
                     (0..<2_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")] {
            do {
                _ = try YAMLDecoder.decode(text)
                Issue.record("expected an error")
            } catch {
                #expect(error.message.contains("nested more than 512 levels"))
            }
        }
    }

    @Test func refusesAliasBombs() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]")
        }
        do {
            _ = try YAMLDecoder.decode(lines.joined(separator: "\n"))
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("expands to more than"))
        }
    }

    @Test func survivesRandomInput() {
        // Whatever the bytes, decoding ends with a value or an error.
        var generator = EncodingTestRandom(seed: 7)
        let pieces = ["a", ": ", "- ", "[", "]", "{", "}", ",", "\n", "\n  ", "'", "\"", "&x ", "*x", "!!str ", "|\n ",
                      ">-\n  ", "? ", "#", "\t", "\\", "%", "---\n", "...", "é", "<<: "]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            _ = try? YAMLDecoder.decode(text)
        }
    }

    // MARK: Round trips

    @Test func decodingWhatWasEncodedGivesTheValueBack() throws {
        var generator = EncodingTestRandom(seed: 11)
        for _ in 0..<300 {
            let value = ValueJSONTests.randomValue(depth: 0, using: &generator)
            let yaml = try YAMLEncoder.encode(value)
            #expect(try YAMLDecoder.decode(yaml) == value, "\(yaml)")
        }
    }
}
