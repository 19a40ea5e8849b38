using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace HelloMvc.Web.Classes;

/// <summary>
/// A class's join code: six characters from an alphabet without the look-alikes 0/O, 1/I/L, so that it can be read
/// off a projector and typed on a phone. Read case-insensitively; always written in capitals. Model binding makes one
/// from a route value or a form field through <see cref="TryParse"/>; one that does not parse binds as the default,
/// which names no class.
/// </summary>
public readonly record struct JoinCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 6;

    private readonly string? _value;

    private JoinCode(string value) => _value = value;

    /// <summary>False for the default, which a code that did not parse binds as.</summary>
    public bool IsValid => _value is not null;

    /// <summary>A new code, from a cryptographic source: codes of other classes say nothing about the next one.</summary>
    public static JoinCode New() => new(RandomNumberGenerator.GetString(Alphabet, Length));

    public static bool TryParse([NotNullWhen(true)] string? text, out JoinCode code)
    {
        var upper = text?.Trim().ToUpperInvariant();
        code = upper is { Length: Length } && upper.All(Alphabet.Contains) ? new JoinCode(upper) : default;
        return code.IsValid;
    }

    public override string ToString() => _value ?? "";
}
