using System.ComponentModel.DataAnnotations;

namespace HelloMvc.Web.Classes;

/// <summary>The form that starts a class: its title, as the teacher and the students will see it.</summary>
public sealed class StartForm
{
    public const int TitleLimit = 80;

    private string? _title;

    [Required(ErrorMessage = "Give the class a title, such as “HTTP, week 2”.")]
    [Display(Name = "title")]
    [TextLength(TitleLimit)]
    public string? Title
    {
        get => _title;
        set => _title = value?.Trim();
    }
}
