using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Languages;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.LookingInside.Exchange;
using HelloMvc.Web.Models;
using HelloMvc.Web.TryIt.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using HelloMvc.Web.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HelloMvc.Tests.Languages;

/// <summary>
/// The Chinese is complete. The English text is the key and English has no resource file, so the framework would show
/// English for any key without Chinese: these read the .resx files and the views, and ask the catalogue's localizer.
/// (Every page rendered in Chinese also reports what it missed: <see cref="SiteFactory.Untranslated"/>.)
/// </summary>
public partial class ResourceTests(SiteFactory site)
{
    private static readonly string Web = Path.Combine(RepositorySources.Root, "HelloMvc.Web");
    private static readonly string Resources = Path.Combine(Web, "Resources");

    /// <summary>
    /// Texts whose Chinese is written as the English is: none today. A name or a piece of code that reads the same in
    /// both languages would go here, with the reason.
    /// </summary>
    private static readonly HashSet<string> SameInBothLanguages = [];

    [GeneratedRegex("""[Ll]ocalizer(?:\[|\.GetString\()\s*"((?:[^"\\]|\\.)*)"\s*[,\])]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"IStringLocalizer<(\w+)> \w+")]
    private static partial Regex LocalizerOwner();

    private static IEnumerable<(string Resource, string English, string Chinese)> Entries() =>
        Directory.EnumerateFiles(Resources, "*.zh-Hans.resx", SearchOption.AllDirectories)
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data").Select(data =>
                (Path.GetRelativePath(Resources, file), data.Attribute("name")!.Value, data.Element("value")?.Value ?? "")));

    private static HashSet<string> Keys(string resource) =>
        File.Exists(resource) ? XDocument.Load(resource).Root!.Elements("data").Select(data => data.Attribute("name")!.Value).ToHashSet() : [];

    [Fact]
    public void Every_Chinese_text_is_written_and_is_not_the_English_left_in_place()
    {
        var entries = Entries().ToList();

        Assert.True(entries.Count > 300, $"{entries.Count} texts");
        Assert.Empty(entries.Where(entry => string.IsNullOrWhiteSpace(entry.Chinese)).Select(entry => $"{entry.Resource}: {entry.English}"));
        Assert.Empty(entries.Where(entry => entry.Chinese == entry.English && !SameInBothLanguages.Contains(entry.English))
            .Select(entry => $"{entry.Resource}: {entry.English}"));
    }

    [Fact]
    public void Every_placeholder_and_tag_of_the_English_is_in_the_Chinese()
    {
        var lost = Entries()
            .Where(entry => Marks(entry.English).Order().SequenceEqual(Marks(entry.Chinese).Order()) is false)
            .Select(entry => $"{entry.Resource}: {entry.English}");

        Assert.Empty(lost);
    }

    // The {0}s and the HTML tags of a text: a translation moves them, never drops or adds one.
    private static IEnumerable<string> Marks(string text) =>
        Regex.Matches(text, @"\{\{|\}\}|\{\w+\}|</?(?:a|code|em|strong|span|time|p)\b").Select(match => match.Value);

    [Fact]
    public void Every_text_a_view_or_a_class_asks_its_localizer_for_has_its_Chinese()
    {
        var missing = new List<string>();
        // A view's resource is named for its path, a class's for its namespace, which is its folder.
        var sources = Directory.EnumerateFiles(Web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Web, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        foreach (var view in sources)
        {
            // A class handed another's localizer (IStringLocalizer<ExchangeRunner>) asks that one's resource.
            var owner = view.EndsWith(".cs", StringComparison.Ordinal) && LocalizerOwner().Match(File.ReadAllText(view)) is { Success: true } declared
                ? Directory.EnumerateFiles(Web, declared.Groups[1].Value + ".cs", SearchOption.AllDirectories).Single()
                : view;
            var name = Path.ChangeExtension(Path.GetRelativePath(Web, owner), null);
            var keys = Keys(Path.Combine(Resources, name + ".zh-Hans.resx"));
            missing.AddRange(LocalizerKey().Matches(File.ReadAllText(view))
                .Select(match => Regex.Unescape(match.Groups[1].Value))
                .Where(key => !keys.Contains(key))
                .Select(key => $"{name}: {key}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_chapter_section_demo_command_and_task_of_the_catalogue_has_its_Chinese()
    {
        var catalogue = site.Services.GetRequiredService<IStringLocalizer<Demo>>();
        var texts = DemoCatalog.Chapters.Select(chapter => chapter.Title)
            .Concat(DemoCatalog.Chapters.SelectMany(chapter => chapter.Sections).Select(section => section.Title))
            .Concat(DemoCatalog.All.Select(demo => demo.Explains))
            .Concat(DemoCatalog.Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Commands ?? []).Select(command => command.Prints))
            // Try it: each task's sentence, hint and what it wants, and every explanation a near miss may give.
            .Concat(DemoCatalog.All.SelectMany(demo => demo.Tasks).SelectMany(task => new[] { task.Sentence, task.Hint, task.Wants }))
            .Concat(DemoCatalog.All.SelectMany(demo => demo.Tasks).SelectMany(Explanations));

        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            Assert.DoesNotContain(texts, text => catalogue[text].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    // The sentences a task's Explains gives, over tries of every method and common status on the paths it watches, with
    // and without the query values and route values the catalogue's explanations read.
    private static IEnumerable<string> Explanations(LessonTask task) =>
        from method in new[] { "GET", "POST", "PUT", "DELETE" }
        from status in new[] { 200, 204, 302, 304, 400, 403, 404, 405, 500 }
        from path in task.Watches.Append("/http/logout")
        from query in new[] { "", "?name=Grey&next=/http/hello" }
        let context = new DefaultHttpContext()
        let seen = new SeenExchange(context, method, path, new QueryString(query), new QueryCollection(QueryHelpers.ParseQuery(query)))
        {
            Status = status, MediaType = "text/html", Location = "/http/hello",
            Values = new RouteValueDictionary { ["year"] = "abc", ["drink"] = "tea", ["type"] = "yaml" },
        }
        select task.Explains(seen)?.Sentence into sentence
        where sentence is not null
        select sentence;

    [Fact]
    public void Every_message_a_validation_rule_names_has_its_Chinese()
    {
        var rules = typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetProperties().Cast<MemberInfo>().Append(type))
            .SelectMany(member => member.GetCustomAttributes(inherit: false));
        var messages = rules.SelectMany(rule => rule switch
            {
                MaxAgeAttribute maxAge => [maxAge.ErrorMessage, maxAge.NegativeMessage],
                ValidationAttribute validation => [validation.ErrorMessage],
                CheckboxAttribute checkbox => [checkbox.ErrorMessage],
                DisplayAttribute display => [display.Name],
                _ => Array.Empty<string?>(),
            })
            .OfType<string>()
            .Append(ViewablePathAttribute.Refusal)
            .Distinct()
            .ToList();
        var localizer = site.Services.GetRequiredService<IStringLocalizer<ValidationMessages>>();

        Assert.True(messages.Count > 20, $"{messages.Count} messages");
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            Assert.DoesNotContain(messages, message => localizer[message].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
