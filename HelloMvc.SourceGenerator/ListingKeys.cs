using System;
using System.Collections.Generic;

namespace HelloMvc.SourceGenerator;

/// <summary>
/// How a listing names a stretch of the site's code: the generator writes spans under these keys while the site builds,
/// and the site looks them up by the same keys at run time. <c>T:</c> a type (its full name, as reflection gives it),
/// <c>M:</c> a method by its type, name and parameter names, <c>N:</c> a member by name, <c>S:</c> a top-level statement
/// of a file by a method it calls, <c>F:</c> a block of the Flask app by the action it mirrors. A method's view is the
/// name its View(…) call gives, <c>partial:</c> first for PartialView(…).
/// This one file is compiled into both (HelloMvc.Web links it): a generator is no library the site can reference, and
/// the two must spell every key alike. It compiles for netstandard2.0 (the generator) and net10.0 (the site).
/// </summary>
internal static class ListingKeys
{
    private const string FlaskPrefix = "F:";
    private const string PartialPrefix = "partial:";

    public static string Type(string fullName) => "T:" + fullName;

    public static string Method(string typeFullName, string name, IEnumerable<string> parameterNames) =>
        $"M:{typeFullName}.{name}({string.Join(",", parameterNames)})";

    public static string Member(string typeFullName, string name) => $"N:{typeFullName}.{name}";

    public static string Statement(string path, string calls) => $"S:{path}:{calls}";

    public static string Flask(string controller, string action) => $"{FlaskPrefix}{controller}.{action}";

    /// <summary>The Controller.Action a Flask block's key names; null for any other key.</summary>
    public static string? FlaskAction(string key) =>
        key.StartsWith(FlaskPrefix, StringComparison.Ordinal) ? key.Substring(FlaskPrefix.Length) : null;

    /// <summary>The view of a View(…) call ("" for the action's own), or of a PartialView(…) call.</summary>
    public static string View(string name, bool partial) => partial ? PartialPrefix + name : name;

    /// <summary>A method's view read back: its name, and whether PartialView(…) renders it.</summary>
    public static (string Name, bool Partial) ReadView(string view) =>
        view.StartsWith(PartialPrefix, StringComparison.Ordinal) ? (view.Substring(PartialPrefix.Length), true) : (view, false);
}
