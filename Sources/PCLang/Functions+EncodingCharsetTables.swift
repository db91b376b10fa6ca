// Generated from the character maps of golang.org/x/text (which
// Terraform's textencodebase64 and textdecodebase64 use) and the IANA
// character set registry. U+FFFD marks a byte the encoding leaves undefined.

extension TextCharset {
    /// Lowercased IANA name or alias → the IANA name and the encoding.
    static let registry: [String: (name: String, kind: Kind)] = {
        var registry: [String: (name: String, kind: Kind)] = [:]
        func add(_ name: String, _ kind: Kind, _ aliases: [String]) {
            for alias in aliases { registry[alias] = (name, kind) }
        }
        add("US-ASCII", .ascii, ["ansi_x3.4-1968", "ansi_x3.4-1986", "cp367", "csascii", "ibm367", "iso-ir-6", "iso646-us", "iso_646.irv:1991", "us", "us-ascii"])
        add("UTF-8", .utf8, ["csutf8", "utf-8"])
        add("UTF-16", .utf16, ["csutf16", "utf-16"])
        add("UTF-16BE", .utf16BigEndian, ["csutf16be", "utf-16be"])
        add("UTF-16LE", .utf16LittleEndian, ["csutf16le", "utf-16le"])
        add("IBM037", .singleByte(SingleByteTables.codePage037), ["cp037", "csibm037", "ebcdic-cp-ca", "ebcdic-cp-nl", "ebcdic-cp-us", "ebcdic-cp-wt", "ibm037"])
        add("IBM437", .singleByte(SingleByteTables.codePage437), ["437", "cp437", "cspc8codepage437", "ibm437"])
        add("IBM850", .singleByte(SingleByteTables.codePage850), ["850", "cp850", "cspc850multilingual", "ibm850"])
        add("IBM852", .singleByte(SingleByteTables.codePage852), ["852", "cp852", "cspcp852", "ibm852"])
        add("IBM855", .singleByte(SingleByteTables.codePage855), ["855", "cp855", "csibm855", "ibm855"])
        add("IBM00858", .singleByte(SingleByteTables.codePage858), ["ccsid00858", "cp00858", "csibm00858", "ibm00858", "pc-multilingual-850+euro"])
        add("IBM860", .singleByte(SingleByteTables.codePage860), ["860", "cp860", "csibm860", "ibm860"])
        add("IBM862", .singleByte(SingleByteTables.codePage862), ["862", "cp862", "cspc862latinhebrew", "ibm862"])
        add("IBM863", .singleByte(SingleByteTables.codePage863), ["863", "cp863", "csibm863", "ibm863"])
        add("IBM865", .singleByte(SingleByteTables.codePage865), ["865", "cp865", "csibm865", "ibm865"])
        add("IBM866", .singleByte(SingleByteTables.codePage866), ["866", "cp866", "csibm866", "ibm866"])
        add("IBM1047", .singleByte(SingleByteTables.codePage1047), ["csibm1047", "ibm-1047", "ibm1047"])
        add("IBM01140", .singleByte(SingleByteTables.codePage1140), ["ccsid01140", "cp01140", "csibm01140", "ebcdic-us-37+euro", "ibm01140"])
        add("ISO_8859-1:1987", .singleByte(SingleByteTables.iso8859_1), ["cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1"])
        add("ISO_8859-2:1987", .singleByte(SingleByteTables.iso8859_2), ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"])
        add("ISO_8859-3:1988", .singleByte(SingleByteTables.iso8859_3), ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"])
        add("ISO_8859-4:1988", .singleByte(SingleByteTables.iso8859_4), ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"])
        add("ISO_8859-5:1988", .singleByte(SingleByteTables.iso8859_5), ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso_8859-5", "iso_8859-5:1988"])
        add("ISO_8859-6:1987", .singleByte(SingleByteTables.iso8859_6), ["arabic", "asmo-708", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-ir-127", "iso_8859-6", "iso_8859-6:1987"])
        add("ISO_8859-6-E", .singleByte(SingleByteTables.iso8859_6), ["csiso88596e", "iso-8859-6-e", "iso_8859-6-e"])
        add("ISO_8859-6-I", .singleByte(SingleByteTables.iso8859_6), ["csiso88596i", "iso-8859-6-i", "iso_8859-6-i"])
        add("ISO_8859-7:1987", .singleByte(SingleByteTables.iso8859_7), ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso_8859-7", "iso_8859-7:1987"])
        add("ISO_8859-8:1988", .singleByte(SingleByteTables.iso8859_8), ["csisolatinhebrew", "hebrew", "iso-8859-8", "iso-ir-138", "iso_8859-8", "iso_8859-8:1988"])
        add("ISO_8859-8-E", .singleByte(SingleByteTables.iso8859_8), ["csiso88598e", "iso-8859-8-e", "iso_8859-8-e"])
        add("ISO_8859-8-I", .singleByte(SingleByteTables.iso8859_8), ["csiso88598i", "iso-8859-8-i", "iso_8859-8-i"])
        add("ISO_8859-9:1989", .singleByte(SingleByteTables.iso8859_9), ["csisolatin5", "iso-8859-9", "iso-ir-148", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5"])
        add("ISO-8859-10", .singleByte(SingleByteTables.iso8859_10), ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso_8859-10:1992", "l6", "latin6"])
        add("ISO-8859-13", .singleByte(SingleByteTables.iso8859_13), ["csiso885913", "iso-8859-13"])
        add("ISO-8859-14", .singleByte(SingleByteTables.iso8859_14), ["csiso885914", "iso-8859-14", "iso-celtic", "iso-ir-199", "iso_8859-14", "iso_8859-14:1998", "l8", "latin8"])
        add("ISO-8859-15", .singleByte(SingleByteTables.iso8859_15), ["csiso885915", "iso-8859-15", "iso_8859-15", "latin-9"])
        add("ISO-8859-16", .singleByte(SingleByteTables.iso8859_16), ["csiso885916", "iso-8859-16", "iso-ir-226", "iso_8859-16", "iso_8859-16:2001", "l10", "latin10"])
        add("KOI8-R", .singleByte(SingleByteTables.koi8R), ["cskoi8r", "koi8-r"])
        add("KOI8-U", .singleByte(SingleByteTables.koi8U), ["cskoi8u", "koi8-u"])
        add("macintosh", .singleByte(SingleByteTables.macintosh), ["csmacintosh", "mac", "macintosh"])
        add("windows-874", .singleByte(SingleByteTables.windows874), ["cswindows874", "windows-874"])
        add("windows-1250", .singleByte(SingleByteTables.windows1250), ["cswindows1250", "windows-1250"])
        add("windows-1251", .singleByte(SingleByteTables.windows1251), ["cswindows1251", "windows-1251"])
        add("windows-1252", .singleByte(SingleByteTables.windows1252), ["cswindows1252", "windows-1252"])
        add("windows-1253", .singleByte(SingleByteTables.windows1253), ["cswindows1253", "windows-1253"])
        add("windows-1254", .singleByte(SingleByteTables.windows1254), ["cswindows1254", "windows-1254"])
        add("windows-1255", .singleByte(SingleByteTables.windows1255), ["cswindows1255", "windows-1255"])
        add("windows-1256", .singleByte(SingleByteTables.windows1256), ["cswindows1256", "windows-1256"])
        add("windows-1257", .singleByte(SingleByteTables.windows1257), ["cswindows1257", "windows-1257"])
        add("windows-1258", .singleByte(SingleByteTables.windows1258), ["cswindows1258", "windows-1258"])
        add("Extended_UNIX_Code_Packed_Format_for_Japanese", .unsupported, ["cseucpkdfmtjapanese", "euc-jp", "extended_unix_code_packed_format_for_japanese"])
        add("ISO-2022-JP", .unsupported, ["csiso2022jp", "iso-2022-jp"])
        add("Shift_JIS", .unsupported, ["csshiftjis", "ms_kanji", "shift_jis"])
        add("EUC-KR", .unsupported, ["cseuckr", "euc-kr"])
        add("GB18030", .unsupported, ["csgb18030", "gb18030"])
        add("GBK", .unsupported, ["cp936", "csgbk", "gbk", "ms936", "windows-936"])
        add("HZ-GB-2312", .unsupported, ["hz-gb-2312"])
        add("Big5", .unsupported, ["big5", "csbig5"])
        return registry
    }()
}

/// The characters of bytes 0x80–0xFF (of all 256 bytes for the EBCDIC
/// code pages, whose low half is not ASCII).
enum SingleByteTables {
    static let codePage037 = SingleByteTable(
        "\u{0}\u{1}\u{2}\u{3}\u{9C}\u{9}\u{86}\u{7F}\u{97}\u{8D}\u{8E}\u{B}\u{C}\u{D}\u{E}\u{F}\u{10}\u{11}\u{12}\u{13}\u{9D}\u{85}\u{8}\u{87}\u{18}\u{19}\u{92}\u{8F}\u{1C}\u{1D}\u{1E}\u{1F}"
            + "\u{80}\u{81}\u{82}\u{83}\u{84}\u{A}\u{17}\u{1B}\u{88}\u{89}\u{8A}\u{8B}\u{8C}\u{5}\u{6}\u{7}\u{90}\u{91}\u{16}\u{93}\u{94}\u{95}\u{96}\u{4}\u{98}\u{99}\u{9A}\u{9B}\u{14}\u{15}\u{9E}\u{1A}"
            + " \u{A0}âäàáãåçñ¢.<(+|&éêëèíîïìß!$*);¬"
            + "-/ÂÄÀÁÃÅÇÑ¦,%_>?øÉÊËÈÍÎÏÌ`:#@'=\u{22}"
            + "Øabcdefghi«»ðýþ±°jklmnopqrªºæ¸Æ¤"
            + "µ~stuvwxyz¡¿ÐÝÞ®^£¥·©§¶¼½¾[]¯¨´×"
            + "{ABCDEFGHI\u{AD}ôöòóõ}JKLMNOPQR¹ûüùúÿ"
            + "\u{5C}÷STUVWXYZ²ÔÖÒÓÕ0123456789³ÛÜÙÚ\u{9F}"
    )
    static let codePage1047 = SingleByteTable(
        "\u{0}\u{1}\u{2}\u{3}\u{9C}\u{9}\u{86}\u{7F}\u{97}\u{8D}\u{8E}\u{B}\u{C}\u{D}\u{E}\u{F}\u{10}\u{11}\u{12}\u{13}\u{9D}\u{85}\u{8}\u{87}\u{18}\u{19}\u{92}\u{8F}\u{1C}\u{1D}\u{1E}\u{1F}"
            + "\u{80}\u{81}\u{82}\u{83}\u{84}\u{A}\u{17}\u{1B}\u{88}\u{89}\u{8A}\u{8B}\u{8C}\u{5}\u{6}\u{7}\u{90}\u{91}\u{16}\u{93}\u{94}\u{95}\u{96}\u{4}\u{98}\u{99}\u{9A}\u{9B}\u{14}\u{15}\u{9E}\u{1A}"
            + " \u{A0}âäàáãåçñ¢.<(+|&éêëèíîïìß!$*);^"
            + "-/ÂÄÀÁÃÅÇÑ¦,%_>?øÉÊËÈÍÎÏÌ`:#@'=\u{22}"
            + "Øabcdefghi«»ðýþ±°jklmnopqrªºæ¸Æ¤"
            + "µ~stuvwxyz¡¿Ð[Þ®¬£¥·©§¶¼½¾Ý¨¯]´×"
            + "{ABCDEFGHI\u{AD}ôöòóõ}JKLMNOPQR¹ûüùúÿ"
            + "\u{5C}÷STUVWXYZ²ÔÖÒÓÕ0123456789³ÛÜÙÚ\u{9F}"
    )
    static let codePage1140 = SingleByteTable(
        "\u{0}\u{1}\u{2}\u{3}\u{9C}\u{9}\u{86}\u{7F}\u{97}\u{8D}\u{8E}\u{B}\u{C}\u{D}\u{E}\u{F}\u{10}\u{11}\u{12}\u{13}\u{9D}\u{85}\u{8}\u{87}\u{18}\u{19}\u{92}\u{8F}\u{1C}\u{1D}\u{1E}\u{1F}"
            + "\u{80}\u{81}\u{82}\u{83}\u{84}\u{A}\u{17}\u{1B}\u{88}\u{89}\u{8A}\u{8B}\u{8C}\u{5}\u{6}\u{7}\u{90}\u{91}\u{16}\u{93}\u{94}\u{95}\u{96}\u{4}\u{98}\u{99}\u{9A}\u{9B}\u{14}\u{15}\u{9E}\u{1A}"
            + " \u{A0}âäàáãåçñ¢.<(+|&éêëèíîïìß!$*);¬"
            + "-/ÂÄÀÁÃÅÇÑ¦,%_>?øÉÊËÈÍÎÏÌ`:#@'=\u{22}"
            + "Øabcdefghi«»ðýþ±°jklmnopqrªºæ¸Æ€"
            + "µ~stuvwxyz¡¿ÐÝÞ®^£¥·©§¶¼½¾[]¯¨´×"
            + "{ABCDEFGHI\u{AD}ôöòóõ}JKLMNOPQR¹ûüùúÿ"
            + "\u{5C}÷STUVWXYZ²ÔÖÒÓÕ0123456789³ÛÜÙÚ\u{9F}"
    )
    static let codePage437 = SingleByteTable(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ"
            + "áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}"
    )
    static let codePage850 = SingleByteTable(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒ"
            + "áíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐"
            + "└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀"
            + "ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u{AD}±‗¾¶§÷¸°¨·¹³²■\u{A0}"
    )
    static let codePage852 = SingleByteTable(
        "ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×č"
            + "áíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐"
            + "└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀"
            + "ÓßÔŃńňŠšŔÚŕŰýÝţ´\u{AD}˝˛ˇ˘§÷¸°¨˙űŘř■\u{A0}"
    )
    static let codePage855 = SingleByteTable(
        "ђЂѓЃёЁєЄѕЅіІїЇјЈљЉњЊћЋќЌўЎџЏюЮъЪ"
            + "аАбБцЦдДеЕфФгГ«»░▒▓│┤хХиИ╣║╗╝йЙ┐"
            + "└┴┬├─┼кК╚╔╩╦╠═╬¤лЛмМнНоОп┘┌█▄Пя▀"
            + "ЯрРсСтТуУжЖвВьЬ№\u{AD}ыЫзЗшШэЭщЩчЧ§■\u{A0}"
    )
    static let codePage858 = SingleByteTable(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒ"
            + "áíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐"
            + "└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀"
            + "ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u{AD}±‗¾¶§÷¸°¨·¹³²■\u{A0}"
    )
    static let codePage860 = SingleByteTable(
        "ÇüéâãàÁçêÊèÍÔìÃÂÉÀÈôõòÚùÌÕÜ¢£Ù₧Ó"
            + "áíóúñÑªº¿Ò¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}"
    )
    static let codePage862 = SingleByteTable(
        "אבגדהוזחטיךכלםמןנסעףפץצקרשת¢£¥₧ƒ"
            + "áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}"
    )
    static let codePage863 = SingleByteTable(
        "ÇüéâÂà¶çêëèïî‗À§ÉÈÊôËÏûù¤ÔÜ¢£ÙÛƒ"
            + "¦´óú¨¸³¯Î⌐¬½¼¾«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}"
    )
    static let codePage865 = SingleByteTable(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒ"
            + "áíóúñÑªº¿⌐¬½¼¡«¤░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}"
    )
    static let codePage866 = SingleByteTable(
        "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
            + "абвгдежзийклмноп░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "рстуфхцчшщъыьэюяЁёЄєЇїЎў°∙·√№¤■\u{A0}"
    )
    static let iso8859_1 = SingleByteTable(
        "\u{80}\u{81}\u{82}\u{83}\u{84}\u{85}\u{86}\u{87}\u{88}\u{89}\u{8A}\u{8B}\u{8C}\u{8D}\u{8E}\u{8F}\u{90}\u{91}\u{92}\u{93}\u{94}\u{95}\u{96}\u{97}\u{98}\u{99}\u{9A}\u{9B}\u{9C}\u{9D}\u{9E}\u{9F}"
            + "\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿"
            + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß"
            + "àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
    )
    static let iso8859_10 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}ĄĒĢĪĨĶ§ĻĐŠŦŽ\u{AD}ŪŊ°ąēģīĩķ·ļđšŧž―ūŋ"
            + "ĀÁÂÃÄÅÆĮČÉĘËĖÍÎÏÐŅŌÓÔÕÖŨØŲÚÛÜÝÞß"
            + "āáâãäåæįčéęëėíîïðņōóôõöũøųúûüýþĸ"
    )
    static let iso8859_13 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}”¢£¤„¦§Ø©Ŗ«¬\u{AD}®Æ°±²³“µ¶·ø¹ŗ»¼½¾æ"
            + "ĄĮĀĆÄÅĘĒČÉŹĖĢĶĪĻŠŃŅÓŌÕÖ×ŲŁŚŪÜŻŽß"
            + "ąįāćäåęēčéźėģķīļšńņóōõö÷ųłśūüżž’"
    )
    static let iso8859_14 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}Ḃḃ£ĊċḊ§Ẁ©ẂḋỲ\u{AD}®ŸḞḟĠġṀṁ¶ṖẁṗẃṠỳẄẅṡ"
            + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏŴÑÒÓÔÕÖṪØÙÚÛÜÝŶß"
            + "àáâãäåæçèéêëìíîïŵñòóôõöṫøùúûüýŷÿ"
    )
    static let iso8859_15 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}¡¢£€¥Š§š©ª«¬\u{AD}®¯°±²³Žµ¶·ž¹º»ŒœŸ¿"
            + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß"
            + "àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
    )
    static let iso8859_16 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}ĄąŁ€„Š§š©Ș«Ź\u{AD}źŻ°±ČłŽ”¶·žčș»ŒœŸż"
            + "ÀÁÂĂÄĆÆÇÈÉÊËÌÍÎÏĐŃÒÓÔŐÖŚŰÙÚÛÜĘȚß"
            + "àáâăäćæçèéêëìíîïđńòóôőöśűùúûüęțÿ"
    )
    static let iso8859_2 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u{AD}ŽŻ°ą˛ł´ľśˇ¸šşťź˝žż"
            + "ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢß"
            + "ŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙"
    )
    static let iso8859_3 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}Ħ˘£¤\u{FFFD}Ĥ§¨İŞĞĴ\u{AD}\u{FFFD}Ż°ħ²³´µĥ·¸ışğĵ½\u{FFFD}ż"
            + "ÀÁÂ\u{FFFD}ÄĊĈÇÈÉÊËÌÍÎÏ\u{FFFD}ÑÒÓÔĠÖ×ĜÙÚÛÜŬŜß"
            + "àáâ\u{FFFD}äċĉçèéêëìíîï\u{FFFD}ñòóôġö÷ĝùúûüŭŝ˙"
    )
    static let iso8859_4 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}ĄĸŖ¤ĨĻ§¨ŠĒĢŦ\u{AD}Ž¯°ą˛ŗ´ĩļˇ¸šēģŧŊžŋ"
            + "ĀÁÂÃÄÅÆĮČÉĘËĖÍÎĪĐŅŌĶÔÕÖ×ØŲÚÛÜŨŪß"
            + "āáâãäåæįčéęëėíîīđņōķôõö÷øųúûüũū˙"
    )
    static let iso8859_5 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}ЁЂЃЄЅІЇЈЉЊЋЌ\u{AD}ЎЏАБВГДЕЖЗИЙКЛМНОП"
            + "РСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп"
            + "рстуфхцчшщъыьэюя№ёђѓєѕіїјљњћќ§ўџ"
    )
    static let iso8859_6 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}\u{FFFD}\u{FFFD}\u{FFFD}¤\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}،\u{AD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}؛\u{FFFD}\u{FFFD}\u{FFFD}؟"
            + "\u{FFFD}ءآأؤإئابةتثجحخدذرزسشصضطظعغ\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "ـفقكلمنهوىي\u{64B}\u{64C}\u{64D}\u{64E}\u{64F}\u{650}\u{651}\u{652}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
    )
    static let iso8859_7 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}‘’£€₯¦§¨©ͺ«¬\u{AD}\u{FFFD}―°±²³΄΅Ά·ΈΉΊ»Ό½ΎΏ"
            + "ΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ\u{FFFD}ΣΤΥΦΧΨΩΪΫάέήί"
            + "ΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώ\u{FFFD}"
    )
    static let iso8859_8 = SingleByteTable(
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}\u{FFFD}¢£¤¥¦§¨©×«¬\u{AD}®¯°±²³´µ¶·¸¹÷»¼½¾\u{FFFD}"
            + "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}‗"
            + "אבגדהוזחטיךכלםמןנסעףפץצקרשת\u{FFFD}\u{FFFD}\u{200E}\u{200F}\u{FFFD}"
    )
    static let iso8859_9 = SingleByteTable(
        "\u{80}\u{81}\u{82}\u{83}\u{84}\u{85}\u{86}\u{87}\u{88}\u{89}\u{8A}\u{8B}\u{8C}\u{8D}\u{8E}\u{8F}\u{90}\u{91}\u{92}\u{93}\u{94}\u{95}\u{96}\u{97}\u{98}\u{99}\u{9A}\u{9B}\u{9C}\u{9D}\u{9E}\u{9F}"
            + "\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿"
            + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĞÑÒÓÔÕÖ×ØÙÚÛÜİŞß"
            + "àáâãäåæçèéêëìíîïğñòóôõö÷øùúûüışÿ"
    )
    static let koi8R = SingleByteTable(
        "─│┌┐└┘├┤┬┴┼▀▄█▌▐░▒▓⌠■∙√≈≤≥\u{A0}⌡°²·÷"
            + "═║╒ё╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡Ё╢╣╤╥╦╧╨╩╪╫╬©"
            + "юабцдефгхийклмнопярстужвьызшэщчъ"
            + "ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ"
    )
    static let koi8U = SingleByteTable(
        "─│┌┐└┘├┤┬┴┼▀▄█▌▐░▒▓⌠■∙√≈≤≥\u{A0}⌡°²·÷"
            + "═║╒ёє╔ії╗╘╙╚╛ґў╞╟╠╡ЁЄ╣ІЇ╦╧╨╩╪ҐЎ©"
            + "юабцдефгхийклмнопярстужвьызшэщчъ"
            + "ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ"
    )
    static let macintosh = SingleByteTable(
        "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü"
            + "†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø"
            + "¿¡¬√ƒ≈∆«»…\u{A0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ"
            + "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"
    )
    static let windows1250 = SingleByteTable(
        "€\u{FFFD}‚\u{FFFD}„…†‡\u{FFFD}‰Š‹ŚŤŽŹ\u{FFFD}‘’“”•–—\u{FFFD}™š›śťžź"
            + "\u{A0}ˇ˘Ł¤Ą¦§¨©Ş«¬\u{AD}®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľż"
            + "ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢß"
            + "ŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙"
    )
    static let windows1251 = SingleByteTable(
        "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u{FFFD}™љ›њќћџ"
            + "\u{A0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{AD}®Ї°±Ііґµ¶·ё№є»јЅѕї"
            + "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
            + "абвгдежзийклмнопрстуфхцчшщъыьэюя"
    )
    static let windows1252 = SingleByteTable(
        "€\u{FFFD}‚ƒ„…†‡ˆ‰Š‹Œ\u{FFFD}Ž\u{FFFD}\u{FFFD}‘’“”•–—˜™š›œ\u{FFFD}žŸ"
            + "\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿"
            + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß"
            + "àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
    )
    static let windows1253 = SingleByteTable(
        "€\u{FFFD}‚ƒ„…†‡\u{FFFD}‰\u{FFFD}‹\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}‘’“”•–—\u{FFFD}™\u{FFFD}›\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}΅Ά£¤¥¦§¨©\u{FFFD}«¬\u{AD}®―°±²³΄µ¶·ΈΉΊ»Ό½ΎΏ"
            + "ΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ\u{FFFD}ΣΤΥΦΧΨΩΪΫάέήί"
            + "ΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώ\u{FFFD}"
    )
    static let windows1254 = SingleByteTable(
        "€\u{FFFD}‚ƒ„…†‡ˆ‰Š‹Œ\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}‘’“”•–—˜™š›œ\u{FFFD}\u{FFFD}Ÿ"
            + "\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿"
            + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĞÑÒÓÔÕÖ×ØÙÚÛÜİŞß"
            + "àáâãäåæçèéêëìíîïğñòóôõö÷øùúûüışÿ"
    )
    static let windows1255 = SingleByteTable(
        "€\u{FFFD}‚ƒ„…†‡ˆ‰\u{FFFD}‹\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}‘’“”•–—˜™\u{FFFD}›\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}¡¢£₪¥¦§¨©×«¬\u{AD}®¯°±²³´µ¶·¸¹÷»¼½¾¿"
            + "\u{5B0}\u{5B1}\u{5B2}\u{5B3}\u{5B4}\u{5B5}\u{5B6}\u{5B7}\u{5B8}\u{5B9}\u{5BA}\u{5BB}\u{5BC}\u{5BD}־\u{5BF}׀\u{5C1}\u{5C2}׃װױײ׳״\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "אבגדהוזחטיךכלםמןנסעףפץצקרשת\u{FFFD}\u{FFFD}\u{200E}\u{200F}\u{FFFD}"
    )
    static let windows1256 = SingleByteTable(
        "€پ‚ƒ„…†‡ˆ‰ٹ‹Œچژڈگ‘’“”•–—ک™ڑ›œ\u{200C}\u{200D}ں"
            + "\u{A0}،¢£¤¥¦§¨©ھ«¬\u{AD}®¯°±²³´µ¶·¸¹؛»¼½¾؟"
            + "ہءآأؤإئابةتثجحخدذرزسشصض×طظعغـفقك"
            + "àلâمنهوçèéêëىيîï\u{64B}\u{64C}\u{64D}\u{64E}ô\u{64F}\u{650}÷\u{651}ù\u{652}ûü\u{200E}\u{200F}ے"
    )
    static let windows1257 = SingleByteTable(
        "€\u{FFFD}‚\u{FFFD}„…†‡\u{FFFD}‰\u{FFFD}‹\u{FFFD}¨ˇ¸\u{FFFD}‘’“”•–—\u{FFFD}™\u{FFFD}›\u{FFFD}¯˛\u{FFFD}"
            + "\u{A0}\u{FFFD}¢£¤\u{FFFD}¦§Ø©Ŗ«¬\u{AD}®Æ°±²³´µ¶·ø¹ŗ»¼½¾æ"
            + "ĄĮĀĆÄÅĘĒČÉŹĖĢĶĪĻŠŃŅÓŌÕÖ×ŲŁŚŪÜŻŽß"
            + "ąįāćäåęēčéźėģķīļšńņóōõö÷ųłśūüżž˙"
    )
    static let windows1258 = SingleByteTable(
        "€\u{FFFD}‚ƒ„…†‡ˆ‰\u{FFFD}‹Œ\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}‘’“”•–—˜™\u{FFFD}›œ\u{FFFD}\u{FFFD}Ÿ"
            + "\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿"
            + "ÀÁÂĂÄÅÆÇÈÉÊË\u{300}ÍÎÏĐÑ\u{309}ÓÔƠÖ×ØÙÚÛÜƯ\u{303}ß"
            + "àáâăäåæçèéêë\u{301}íîïđñ\u{323}óôơö÷øùúûüư₫ÿ"
    )
    static let windows874 = SingleByteTable(
        "€\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}…\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}‘’“”•–—\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
            + "\u{A0}กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟ"
            + "ภมยรฤลฦวศษสหฬอฮฯะ\u{E31}าำ\u{E34}\u{E35}\u{E36}\u{E37}\u{E38}\u{E39}\u{E3A}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}฿"
            + "เแโใไๅๆ\u{E47}\u{E48}\u{E49}\u{E4A}\u{E4B}\u{E4C}\u{E4D}\u{E4E}๏๐๑๒๓๔๕๖๗๘๙๚๛\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
    )
}
