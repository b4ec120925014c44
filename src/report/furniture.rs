//! Lines that are not the document: a web page's chrome copied with the text (当前位置：,
//! 【字体：大 中 小】, 打印本页, 责任编辑：), photo captions (图为……), and lists of links to other
//! pages (相关报道). The parser keeps them (every character stays) but marks them, so they are
//! shown folded and never read as a title, a closing or a date. Pure: no browser calls.

/// A key that opens a line of page metadata: "来源：XX日报", "责任编辑：张三".
const KEYS: [&str; 30] = [
    "当前位置",
    "您现在的位置",
    "您当前的位置",
    "你的位置",
    "所在位置",
    "来源",
    "信息来源",
    "文章来源",
    "稿件来源",
    "作者",
    "发布时间",
    "发布日期",
    "更新时间",
    "时间",
    "日期",
    "浏览次数",
    "浏览量",
    "点击数",
    "阅读量",
    "阅读次数",
    "责任编辑",
    "编辑",
    "审核",
    "校对",
    "字号",
    "字体",
    "索引号",
    "发布机构",
    "分享到",
    "供稿",
];

/// Words a page's toolbar is made of; a line of nothing else is furniture (so is one made of
/// [`LINK_LIST_HEADS`]).
const TOOL_WORDS: [&str; 42] = [
    "打印",
    "打印本页",
    "打印文章",
    "关闭",
    "关闭窗口",
    "关闭本页",
    "收藏",
    "加入收藏",
    "全屏",
    "下载",
    "附件下载",
    "分享",
    "分享到",
    "扫一扫",
    "字体",
    "字号",
    "大",
    "中",
    "小",
    "默认",
    "返回顶部",
    "顶部",
    "返回",
    "纠错",
    "我要纠错",
    "上一篇",
    "下一篇",
    "扫码",
    "微信",
    "微博",
    "QQ空间",
    "复制链接",
    "视力保护色",
    "朗读",
    "听全文",
    "首页",
    "保存",
    "放大",
    "缩小",
    "繁体",
    "简体",
    "无障碍",
];

/// Phrases that mark a short line as page chrome wherever they stand in it.
const PHRASES: [&str; 17] = [
    "扫一扫",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "分享到",
    "在手机上",
    "手机打开",
    "手机扫码",
    "【打印】",
    "【关闭】",
    "版权所有",
    "ICP备",
    "网站地图",
    "联系我们",
    "主办单位",
    "公网安备",
    "网站标识码",
];

/// Lines that head a list of links to other pages: what follows them is furniture too.
const LINK_LIST_HEADS: [&str; 6] = [
    "相关报道",
    "相关阅读",
    "相关链接",
    "相关新闻",
    "相关文章",
    "推荐阅读",
];

const MAX_FURNITURE_CHARS: usize = 60;

fn is_separator(c: char) -> bool {
    c.is_whitespace() || "【】[]()（）|丨/·•>›»<‹«,，、:：-—_".contains(c)
}

/// Whether a trimmed line is a web page's chrome.
pub fn is_furniture(line: &str) -> bool {
    let chars = line.chars().count();
    if let Some(key) = KEYS.iter().find(|k| {
        line.trim_start_matches(['【', '['])
            .strip_prefix(**k)
            .is_some_and(|r| r.starts_with(['：', ':']))
    }) {
        // "时间：" or "日期：" opens a sentence in a report only rarely, and then it is long.
        return !matches!(*key, "时间" | "日期" | "作者" | "编辑") || chars <= MAX_FURNITURE_CHARS;
    }
    if chars > MAX_FURNITURE_CHARS {
        return false;
    }
    if is_timestamp(line) {
        return true;
    }
    if PHRASES.iter().any(|p| line.contains(p)) {
        return true;
    }
    if line.starts_with("上一篇") || line.starts_with("下一篇") {
        return true;
    }
    let mut tokens = line
        .split(is_separator)
        .filter(|t| !t.is_empty())
        .peekable();
    tokens.peek().is_some()
        && tokens.all(|t| {
            TOOL_WORDS.contains(&t)
                || LINK_LIST_HEADS.contains(&t)
                || t.chars().all(|c| c.is_ascii_digit())
        })
}

/// Whether a trimmed line heads a list of links (相关报道).
pub fn heads_link_list(line: &str) -> bool {
    let bare = line.trim_matches(|c: char| is_separator(c));
    LINK_LIST_HEADS.contains(&bare)
}

/// "2026-02-03 10:21:22", "2026-02-03", "2026/2/3 10:21": a page's date stamp, not prose.
fn is_timestamp(line: &str) -> bool {
    let mut digits = 0;
    for c in line.chars() {
        match c {
            '0'..='9' => digits += 1,
            '-' | '/' | ':' | '.' | ' ' => {}
            _ => return false,
        }
    }
    digits >= 6 && (line.contains('-') || line.contains('/'))
}

/// Whether a trimmed line is a photo caption.
pub fn is_caption(line: &str) -> bool {
    let chars = line.chars().count();
    chars <= 120
        && (line.starts_with("图为")
            || line.starts_with('▲')
            || line.starts_with("图片来源")
            || line.starts_with("（图片")
            || ((line.ends_with("摄）") || line.ends_with("摄)")) && chars <= 40))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_page_chrome() {
        for line in [
            "当前位置：首页 > 政务公开 > 政府工作报告",
            "【字体：大 中 小】",
            "打印本页 关闭窗口",
            "下载",
            "打印 | 全屏 | 收藏",
            "来源：XX日报",
            "责任编辑：张三",
            "发布时间：2026-02-03 10:21",
            "2026-02-03 10:21:22",
            "扫一扫在手机打开当前页",
            "【打印】【关闭】",
            "上一篇：关于XX的通知",
            "分享到：",
            "浏览次数：1234",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn leaves_the_document_alone() {
        for line in [
            "抢抓机遇  城乡统筹",
            "2026年政府工作报告",
            "各位代表：",
            "一、2025年工作回顾",
            "中国优秀旅游城市",
            "下一步，我们将继续努力。",
            "大力发展现代服务业，提高服务质量。",
            "2026年1月20日",
            "",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn recognises_captions_and_link_lists() {
        assert!(is_caption("图为XX新区全景。"));
        assert!(is_caption("（记者 XXX 摄）"));
        assert!(!is_caption("图书馆建成开放。"));
        assert!(heads_link_list("相关报道"));
        assert!(heads_link_list("【相关阅读】"));
        assert!(!heads_link_list("相关报道显示，经济稳定。"));
    }
}
