/* The customer chat's words, in English and Chinese (used by chat.js; the keys of
 * data-i18n attributes in index.html). A business's own welcome line comes from the server
 * (KEFU_WELCOME, KEFU_WELCOME_ZH). */
"use strict";

const kefuChatText = {
  en: {
    title: "Customer support", placeholder: "Type your question…", send: "Send", label: "Your message",
    human: "Talk to a person", close: "Close", related: "You could also ask:", closeChat: "Close chat", rate: "How did we do?", sources: "Sources",
    you: "You", bot: "Assistant", agent: "Agent", waiting: "Waiting for a person to join…",
    held: "You are chatting with a person.", closed: "This conversation is closed. Write to start again.",
    offline: "Offline: reconnecting…", online: "", thanks: "Thank you for your feedback.",
    up: "Helpful", down: "Not helpful", failed: "Not sent. It will be retried.", open: "Open source",
    welcome: "Hello! How can I help you today?",
    typing: "{name} is typing…", thinking: "The assistant is writing an answer…",
    back: "You are chatting with the assistant again.",
    switch: "Switch language", conversation: "Conversation", rateLabel: "Rate this conversation",
    stars: "Rating from 1 to 5", feedback: "Feedback",
    // Why something failed, by the server's code (or status): never its raw English.
    refused: "Not sent:", empty: "the message is empty.",
    too_long: "the message is too long (at most 4,000 characters). Please shorten it or split it into several messages.",
    tooLongBy: "the message is too long ({n} characters; the limit is 4,000). Please shorten it or split it into several messages.",
    markup_only: "the message holds only HTML markup. Please write your question as plain text.",
    network: "The server cannot be reached. Please try again.", cannot: "That did not work. Please try again.",
    broke: "Sorry, something went wrong while answering. Please try again.",
  },
  zh: {
    title: "在线客服", placeholder: "请输入您的问题…", send: "发送", label: "您的消息",
    human: "转人工", close: "关闭", related: "您可以这样问：", closeChat: "关闭对话", rate: "请为本次服务评分", sources: "来源",
    you: "您", bot: "智能助手", agent: "人工客服", waiting: "正在为您转接人工客服…",
    held: "人工客服正在为您服务。", closed: "本次会话已结束，发送消息可重新开始。",
    offline: "网络断开，正在重连…", online: "", thanks: "感谢您的反馈。",
    up: "有帮助", down: "没有帮助", failed: "发送失败，将自动重试。", open: "查看来源",
    welcome: "您好！请问有什么可以帮您？",
    typing: "{name}正在输入…", thinking: "智能助手正在回复…",
    back: "已转回智能助手为您服务。",
    switch: "切换语言", conversation: "对话", rateLabel: "为本次对话评分",
    stars: "评分（1 到 5 星）", feedback: "反馈",
    refused: "未发送：", empty: "消息不能为空。",
    too_long: "消息太长（最多 4000 字），请缩短或分成几条发送。",
    tooLongBy: "消息太长（{n} 字，最多 4000 字），请缩短或分成几条发送。",
    markup_only: "消息里只有 HTML 标记，没有文字。请用纯文字写下您的问题。",
    network: "无法连接服务器，请稍后重试。", cannot: "操作未成功，请重试。",
    broke: "抱歉，回答时出错了，请重试。",
  },
  // The same in traditional characters (Taiwan's forms, OpenCC s2tw of the lines above: the
  // test tests/service/test_service_chat_text.py keeps them so), for zh-HK, zh-TW, zh-MO and
  // zh-Hant browsers and ?lang=zh-Hant.
  "zh-Hant": {
    title: "在線客服", placeholder: "請輸入您的問題…", send: "發送", label: "您的消息",
    human: "轉人工", close: "關閉", related: "您可以這樣問：", closeChat: "關閉對話", rate: "請為本次服務評分", sources: "來源",
    you: "您", bot: "智能助手", agent: "人工客服", waiting: "正在為您轉接人工客服…",
    held: "人工客服正在為您服務。", closed: "本次會話已結束，發送消息可重新開始。",
    offline: "網絡斷開，正在重連…", online: "", thanks: "感謝您的反饋。",
    up: "有幫助", down: "沒有幫助", failed: "發送失敗，將自動重試。", open: "查看來源",
    welcome: "您好！請問有什麼可以幫您？",
    typing: "{name}正在輸入…", thinking: "智能助手正在回覆…",
    back: "已轉回智能助手為您服務。",
    switch: "切換語言", conversation: "對話", rateLabel: "為本次對話評分",
    stars: "評分（1 到 5 星）", feedback: "反饋",
    refused: "未發送：", empty: "消息不能為空。",
    too_long: "消息太長（最多 4000 字），請縮短或分成幾條發送。",
    tooLongBy: "消息太長（{n} 字，最多 4000 字），請縮短或分成幾條發送。",
    markup_only: "消息裡只有 HTML 標記，沒有文字。請用純文字寫下您的問題。",
    network: "無法連接服務器，請稍後重試。", cannot: "操作未成功，請重試。",
    broke: "抱歉，回答時出錯了，請重試。",
  },
};
