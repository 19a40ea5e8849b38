using System.Text.Encodings.Web;
using System.Xml.Linq;

namespace HelloMvc.Web.Models;

/// <summary>The note the responses demo serves in four media types.</summary>
public sealed record Note(string To, string From, string Heading, string Body)
{
    public static Note Reminder { get; } = new("Peter", "Jane", "Reminder", "Don't forget the party!");

    public string ToText() => $"Note\nto: {To}\nfrom: {From}\nheading: {Heading}\nbody: {Body}\n";

    public string ToHtml(HtmlEncoder encoder) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Note</title></head>
        <body>
        <h1>Note</h1>
        <p>to: {encoder.Encode(To)}</p>
        <p>from: {encoder.Encode(From)}</p>
        <p>heading: {encoder.Encode(Heading)}</p>
        <p>body: {encoder.Encode(Body)}</p>
        </body>
        </html>
        """;

    public XElement ToXml() =>
        new("note", new XElement("to", To), new XElement("from", From), new XElement("heading", Heading), new XElement("body", Body));
}
