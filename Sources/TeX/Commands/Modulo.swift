// \bmod, \pmod, \mod and \pod.

extension CommandFamily {
    /// `a \bmod b`, `a \pmod{n}`, `a \mod n`, `\pod{n}`.
    static let modulo = CommandFamily(names: ["bmod", "pmod", "mod", "pod"]) { parser, invocation in
        let range = invocation.range
        let mod = Node.operatorName(OperatorName(command: invocation.name, name: "mod", limits: false, range: range))
        if invocation.name == "bmod" {
            return .atom(Atom(atomClass: .bin, form: .operator, text: "mod", command: "bmod", range: range))
        }
        let argument = parser.parseArgument(for: "\\" + invocation.name, at: range)
        let whole = range.lowerBound..<parser.previousEnd
        let open = Node.atom(Atom(atomClass: .open, form: .operator, text: "(", range: range))
        let close = Node.atom(Atom(atomClass: .close, form: .operator, text: ")", range: range))
        let quad = Node.space(Space(command: "quad", width: "1em", range: range))
        let six = Node.space(Space(command: "mkern", width: "0.333em", range: range))
        switch invocation.name {
        case "pmod":
            return .group(Group(children: [quad, open, mod, six, argument, close], braced: false, range: whole))
        case "pod":
            return .group(Group(children: [quad, open, argument, close], braced: false, range: whole))
        default:
            return .group(Group(children: [quad, mod, six, argument], braced: false, range: whole))
        }
    }
}
