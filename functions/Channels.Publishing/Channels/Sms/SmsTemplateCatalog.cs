using Channels.Publishing.Items;

namespace Channels.Publishing.Channels.Sms;

/// <summary>An SMS as it goes out: template and parameters, the body, the full text with its 【signature】 and the billed messages.</summary>
public sealed record SmsMessage(string TemplateId, IReadOnlyList<string> Params, string Body, string Text, int Length, int Segments);

/// <summary>A reason an SMS cannot be sent as asked: the v1 field it concerns and the message (zh-CN).</summary>
public sealed record SmsProblem(string Field, string Message);

/// <summary>
/// The configured templates (Channels:Sms:Templates) and how an item's SMS becomes a template with parameters:
/// sms.template + sms.params as given, or a v1 sms.text carried by the default notice template (TemplateId) — either
/// the whole text matches the template with its variables filled in, or, for a one-variable template, the text is
/// that variable. Every parameter is checked as Tencent checks it before anything is sent.
/// </summary>
public sealed class SmsTemplateCatalog(IReadOnlyList<SmsTemplate> templates, string defaultTemplateId, string signName)
{
    /// <summary>The catalog item validation uses (the host sets it from SmsOptions at start; the built-in defaults until then).</summary>
    public static SmsTemplateCatalog Current { get; set; } = From(new SmsOptions());

    /// <summary>Makes the configured templates the ones validation uses (a configuration without its default template is refused at start instead).</summary>
    public static void Use(SmsOptions o)
    {
        var catalog = From(o);
        if (catalog.Find(o.TemplateId) is not null) Current = catalog;
    }

    public static SmsTemplateCatalog From(SmsOptions o) => new(o.Templates.Count > 0 ? o.Templates : SmsOptions.BuiltInTemplates(), o.TemplateId, o.SignName);

    public IReadOnlyList<SmsTemplate> Templates { get; } = templates;
    public string DefaultTemplateId { get; } = defaultTemplateId;
    public string SignName { get; } = signName;

    public SmsTemplate? Find(string? idOrName) => idOrName is null ? null
        : Templates.FirstOrDefault(t => t.Id == idOrName) ?? Templates.FirstOrDefault(t => t.Name == idOrName);

    /// <summary>The message for an item's SMS, or the problems (field + zh-CN message) that keep it from being sent.</summary>
    public (SmsMessage? Message, IReadOnlyList<SmsProblem> Problems) Resolve(SmsRequest sms)
    {
        if (sms.Template is { } name)
        {
            if (Find(name) is not { } named) return (null, [new("sms.template", $"未配置短信模板“{name}”，可用：{string.Join("、", Templates.Select(Label))}")]);
            return Check(named, sms.Params ?? [], "sms.params", sms.Text);
        }

        if (sms.Params is { Count: > 0 }) return (null, [new("sms.template", "提供 sms.params 时须同时以 sms.template 指定模板")]);
        if (Find(DefaultTemplateId) is not { } notice) return (null, [new("sms.text", $"未配置默认通知模板（{DefaultTemplateId}），请以 sms.template 指定模板")]);
        var text = sms.Text.Trim();
        var parameters = Match(notice, text) ?? (notice.VariableCount == 1 ? [text] : null);
        if (parameters is null)
        {
            return (null, [new("sms.text", $"短信内容与默认通知模板（{Label(notice)}）“{notice.Text}”不符，请按模板填写或以 sms.template、sms.params 指定模板和参数")]);
        }

        var (message, problems) = Check(notice, parameters, "sms.text", null);
        return problems.Count == 0
            ? (message, problems)
            : (null, [new("sms.text", string.Join("；", problems.Select(p => p.Message)) + AsSent(notice, parameters))]);
    }

    /// <summary>For senders inside the system (escalation alerts, corrections): the default template with its variable shortened to fit.</summary>
    public SmsMessage? Fit(string text)
    {
        if (Find(DefaultTemplateId) is not { } notice || notice.VariableCount != 1) return null;
        var value = text.Trim();
        var max = notice.MaxLength(0);
        if (SmsTemplateText.Length(value) > max) value = new System.Globalization.StringInfo(value).SubstringByTextElements(0, Math.Max(1, max - 1)) + "…";
        var (message, problems) = Check(notice, [value], "sms.text", null);
        return problems.Count == 0 ? message : null;
    }

    public SmsMessage Render(SmsTemplate template, IReadOnlyList<string> parameters)
    {
        var body = SmsTemplateText.Variable().Replace(template.Text, m =>
        {
            var i = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
            return i < parameters.Count ? parameters[i] : m.Value;
        });
        var text = $"【{SignName}】{body}";
        var length = SmsTemplateText.Length(text);
        return new SmsMessage(template.Id, parameters, body, text, length, SmsTemplateText.Segments(length));
    }

    (SmsMessage?, IReadOnlyList<SmsProblem>) Check(SmsTemplate template, IReadOnlyList<string> parameters, string field, string? text)
    {
        var problems = new List<SmsProblem>();
        var count = template.VariableCount;
        if (parameters.Count != count) problems.Add(new(field, $"模板（{Label(template)}）有{count}个变量，提供了{parameters.Count}个参数"));
        for (var i = 0; i < Math.Min(count, parameters.Count); i++)
        {
            var value = parameters[i] ?? "";
            var at = field == "sms.params" ? $"sms.params[{i}]" : field;
            var max = template.MaxLength(i);
            if (string.IsNullOrWhiteSpace(value)) problems.Add(new(at, $"变量{{{i + 1}}}不能为空"));
            else if (SmsTemplateText.Length(value) > max) problems.Add(new(at, $"变量{{{i + 1}}}最多{max}个字，当前{SmsTemplateText.Length(value)}个字"));
            if (SmsTemplateText.ContainsUrl(value)) problems.Add(new(at, $"变量{{{i + 1}}}不能包含网址（平台不允许在模板变量中使用链接）"));
            if (value.Contains('【') || value.Contains('】')) problems.Add(new(at, $"变量{{{i + 1}}}不能包含【】（签名由平台添加）"));
        }

        if (problems.Count > 0) return (null, problems);
        var message = Render(template, parameters);
        if (message.Length > SmsTemplateText.MaxTotalLength)
            return (null, [new(field, $"短信连同签名共{message.Length}个字，超过平台上限{SmsTemplateText.MaxTotalLength}个字")]);
        if (text is { Length: > 0 } given && given.Trim() != message.Body)
            return (null, [new("sms.text", $"sms.text 与模板生成的内容不一致，将发送：{message.Text}")]);
        return (message, []);
    }

    string AsSent(SmsTemplate template, IReadOnlyList<string> parameters)
    {
        var shown = Render(template, parameters);
        return $"。按默认通知模板将发送：{shown.Text}（{shown.Length}个字，计费{shown.Segments}条）";
    }

    /// <summary>The parameters that make <paramref name="text"/> out of the template's fixed parts, or null when it does not fit them.</summary>
    static List<string>? Match(SmsTemplate template, string text)
    {
        var (fixedParts, numbers) = template.Parts();
        if (fixedParts.Count == 1) return text == template.Text ? [] : null;
        var pattern = "^" + string.Join("(.+?)", fixedParts.Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        var m = System.Text.RegularExpressions.Regex.Match(text, pattern, System.Text.RegularExpressions.RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        if (!m.Success || numbers.Distinct().Count() != numbers.Count || numbers.Max() != numbers.Count) return null;
        var values = new string[numbers.Count];
        for (var i = 0; i < numbers.Count; i++) values[numbers[i] - 1] = m.Groups[i + 1].Value;
        return [.. values];
    }

    static string Label(SmsTemplate t) => t.Name is { Length: > 0 } n ? $"{t.Id} {n}" : t.Id;
}
