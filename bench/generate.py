#!/usr/bin/env python3
"""Synthetic Chinese customer-service chat logs (Taobao / JD style) as canonical JSON Lines.

    python bench/generate.py --messages 100000 --out bench/data/logs_1e5.jsonl [--seed 1]

One message per line, grouped by conversation, each conversation in time order; conversations
start in time order too (an export sorted by conversation). Every conversation has 4–20
messages, one of ~20 agents (sometimes handed over to a second one) and one customer. Texts come
from a few hundred templates per scenario (logistics, sizes, returns, prices, quality complaints,
invoices and addresses, product use, repairs) with slots (product, order number, size, colour,
amount, courier, dates …) and sometimes a platform emoticon ([微笑], /:^_^) or emoji.

About 3 % of agent lines break the service-attitude standard on purpose: forbidden phrases,
rhetorical questions, shirking, impatience, emoji-only replies, and the same apology said three
times in one conversation. About 3 % of agent replies are slow (more than 3 minutes). The
generator prints what it injected on stderr.

The output depends only on --seed and --messages (same Python version → same bytes).
Needs nothing outside the standard library.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta

# --------------------------------------------------------------------------------------------
# Slot values
# --------------------------------------------------------------------------------------------

PRODUCTS = [
    "纯棉四件套", "羽绒服", "加绒卫衣", "电热毯", "空气炸锅", "蓝牙耳机", "扫地机器人", "保温杯",
    "碎花连衣裙", "直筒牛仔裤", "跑步鞋", "小白鞋", "补水面膜", "防晒霜", "哑光口红", "氨基酸洗面奶",
    "手机壳", "充电宝", "快充数据线", "机械键盘", "无线鼠标", "27寸显示器", "儿童书包", "婴儿奶粉",
    "纸尿裤", "冻干猫粮", "狗粮", "坚果礼盒", "明前龙井", "电饭煲", "破壁机", "滚筒洗衣机",
    "电动牙刷", "负离子吹风机", "乳胶床垫", "乳胶枕", "20寸行李箱", "双肩包", "羊毛大衣", "冲锋衣",
    "瑜伽垫", "折叠跑步机", "智能手表", "平板电脑", "蓝牙音箱", "家用投影仪", "加湿器", "净水器",
    "平板拖把", "收纳箱", "遮光窗帘", "客厅地毯", "护眼台灯", "眼霜", "精华液", "淡香水",
    "登山鞋", "遥控汽车", "拼装积木", "保温饭盒", "傻瓜相机", "电煮锅", "速干T恤", "真丝睡衣",
]
COLORS = [
    "黑色", "白色", "米白色", "灰色", "浅灰色", "藏青色", "酒红色", "雾霾蓝", "奶茶色", "卡其色",
    "粉色", "浅绿色", "燕麦色", "杏色", "焦糖色", "香槟金", "深空灰", "樱花粉", "牛油果绿", "咖啡色",
]
SIZES = [
    "S码", "M码", "L码", "XL", "2XL", "3XL", "均码", "36码", "37码", "38码", "39码", "40码", "41码",
    "42码", "43码", "44码", "160/84A", "165/88A", "170/92A", "175/96A", "1.5米床", "1.8米床", "2米床",
]
COURIERS = ["中通", "圆通", "韵达", "申通", "顺丰", "极兔", "京东物流", "邮政EMS", "德邦"]
COURIER_PREFIX = {"中通": "7", "圆通": "YT", "韵达": "43", "申通": "77", "顺丰": "SF", "极兔": "JT",
                  "京东物流": "JDV", "邮政EMS": "98", "德邦": "DPK"}
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "重庆", "长沙",
          "郑州", "苏州", "天津", "青岛", "沈阳", "昆明", "合肥", "厦门", "哈尔滨", "乌鲁木齐", "拉萨"]
SHOPS = ["暖宝宝家居旗舰店", "优衣小铺", "悦己美妆官方店", "极客数码专营店", "宝贝成长母婴店",
         "萌宠生活馆", "山里人家特产店", "轻运动户外旗舰店", "小熊电器官方旗舰店", "简约家纺"]
AMOUNTS = ["9.9", "19.9", "29", "39", "49.9", "59", "69", "79", "89", "99", "128", "139", "159",
           "199", "229", "259", "299", "349", "399", "499", "599", "899", "1299", "1999", "2599"]
COUPONS = ["3", "5", "10", "15", "20", "30", "50"]
DAYS = ["1-2", "2-3", "3-5", "5-7", "7", "15", "48小时内"]
WHEN = ["今天下午", "今天晚上", "明天上午", "明天", "后天", "24小时内", "48小时内", "3天内"]
EMOTICONS = ["[微笑]", "[玫瑰]", "[爱心]", "[握手]", "[抱拳]", "[愉快]", "[可爱]", "[憨笑]",
             "/:^_^", "/:8-)", "/:-F", "/:heart", "😊", "🙏", "👌", "❤️", "🌹", "😄", "😘", "~"]
CUSTOMER_EMO = ["[流泪]", "[发怒]", "[撇嘴]", "[疑问]", "[微笑]", "😅", "😡", "😭", "🙄", "??", "!!",
                "。。。", "[捂脸]", "😂"]

AGENTS = ["小王", "阿敏", "小美", "小杰", "晓晓", "小鱼", "阿杰", "小雪", "小林", "可可",
          "甜甜", "小周", "阿强", "小悦", "糖糖", "小李", "丽丽", "阿飞", "小陈", "豆豆"]
NICK_WORDS = ["小鹿", "快乐", "阳光", "星星", "柠檬", "橘子", "momo", "lily", "安安", "大白",
              "喵喵", "小猪", "追风", "晴天", "木子", "一一", "嘟嘟", "jack", "tony", "夏天",
              "微凉", "小熊", "七七", "bobo", "米粒", "乐乐", "向日葵", "海盐", "北北", "豆包"]

# --------------------------------------------------------------------------------------------
# Templates. A scenario is a list of opening exchanges and a list of follow-up exchanges; an
# exchange is (customer templates, agent answer templates). Slots are {product} {color} {size}
# {amount} {coupon} {order} {courier} {tracking} {city} {days} {when} {date} {shop} {qty}
# {height} {weight} {price2}.
# --------------------------------------------------------------------------------------------

Exchange = tuple[tuple[str, ...], tuple[str, ...]]

LOGISTICS: dict[str, list[Exchange]] = {
    "open": [
        (("在吗？我前天买的{product}怎么还没发货啊", "我的{product}什么时候发货", "拍了{product}三天了还没发货",
          "你好，{product}今天能发吗", "请问我的订单什么时候发出"),
         ("您好，麻烦您提供一下订单号，我帮您查一下哦", "亲，请稍等，我这边马上帮您查询一下订单状态",
          "您好亲，您的订单已经在打包了，预计{when}发出哦", "亲，大促期间订单比较多，我帮您催一下仓库加急发货")),
        (("快递怎么一直不动啊，物流好几天没更新了", "我的快递到哪了", "物流信息两天没变了",
          "我的包裹是不是丢了，一直显示在{city}"),
         ("亲，您别着急，我这边帮您联系{courier}核实一下包裹位置", "您好，我马上帮您查一下物流，请稍等哦",
          "亲，麻烦提供下订单号，我帮您联系快递核实", "非常抱歉让您久等了，我这就帮您查询最新的物流信息")),
        (("订单号{order}，帮我看下到哪了", "{order} 这个单子发了吗"),
         ("查到了亲，您的{product}已经由{courier}发出，单号{tracking}，预计{date}送达哦",
          "亲，这个订单{when}就发出了，发出后物流信息会同步更新的", "您的包裹目前在{city}中转，预计{days}天左右送达")),
        (("显示已签收但是我没收到", "快递说放驿站了，但我去取没有", "明明没收到怎么显示签收了"),
         ("亲，非常抱歉给您带来不便，我马上联系{courier}核实签收情况", "您好，我这边先帮您联系快递员确认一下放在哪里了",
          "亲，可能是放在门卫或者快递柜了，我联系快递核实后第一时间回复您")),
    ],
    "follow": [
        (("那大概什么时候能到", "几天能到{city}", "能不能快点，我{date}要用"),
         ("正常{days}天左右能到哦，偏远地区会稍微慢一点", "亲，{city}一般{days}天就到了，我帮您备注加急",
          "已经帮您联系快递加急派送了，预计{date}前送达")),
        (("能发顺丰吗", "可以换个快递吗", "能不能发京东"),
         ("亲，默认是发{courier}的，顺丰需要补{coupon}元运费差价哦", "可以的亲，我帮您备注改发顺丰，运费差价我们来承担",
          "亲，仓库统一合作的是{courier}，暂时改不了快递，还请您谅解")),
        (("单号是多少", "把快递单号发我一下", "怎么查物流"),
         ("单号是{tracking}，您可以在订单详情里直接查看物流哦", "{courier}单号{tracking}，亲可以复制去查询",
          "亲，订单详情页点查看物流就可以看到最新进度啦")),
        (("怎么这么慢啊", "都等了一个星期了", "别家两天就到了"),
         ("非常抱歉让您久等了，这边已经联系快递加急处理，有消息第一时间通知您", "亲，理解您的心情，我这边马上帮您催促快递",
          "实在抱歉亲，最近天气原因物流有延迟，我们会一直跟进您的包裹")),
        (("好的，我再等等看", "行吧，那我等两天", "那你帮我盯着点"),
         ("好的亲，有任何物流问题随时联系我们哦", "好的，我这边也会帮您关注物流，感谢您的耐心等待",
          "收到，您的订单我已经备注重点跟进了")),
        (("快递员态度很差，不给送上楼", "快递放门口被人拿了怎么办"),
         ("亲，非常抱歉给您带来不好的体验，我这边向{courier}反馈投诉", "您先别着急，我马上联系快递核实，如果确认丢件我们给您补发",
          "亲，这个情况我已经登记了，核实后会第一时间给您处理结果")),
    ],
}

SIZE: dict[str, list[Exchange]] = {
    "open": [
        (("身高{height}体重{weight}斤穿什么码", "{height}cm {weight}斤选哪个码", "我平时穿{size}，这款要拍大一码吗",
          "这款{product}偏大还是偏小"),
         ("亲，根据您的身高体重建议拍{size}哦", "您好，这款是标准尺码，按平时的码数拍就可以",
          "亲，这款版型偏宽松，喜欢合身的可以拍小一码", "您好亲，建议您参考一下详情页的尺码表，我帮您推荐{size}")),
        (("{product}还有{color}的吗", "{color}{size}还有货吗", "这个颜色什么时候补货"),
         ("有的亲，{color}{size}现在有现货，拍下{when}发出哦", "亲，{color}目前缺货，预计{date}补货，可以先收藏一下",
          "实在抱歉，这个颜色停产了，没办法补货，给您推荐同款的{color}可以吗", "亲，{color}库存不多了，喜欢的话可以尽早下单哦")),
        (("这个{product}是什么材质的", "{product}会不会起球", "面料透气吗"),
         ("亲，这款是纯棉面料，亲肤透气，不起球的哦", "您好，这款采用的是新疆长绒棉，手感很柔软",
          "亲，面料是聚酯纤维混纺的，挺括有型，机洗也不变形")),
    ],
    "follow": [
        (("那{size}会不会太紧", "我肩比较宽，{size}能穿吗", "腿粗穿这个显胖吗"),
         ("亲，{size}的胸围是{amount}cm左右，您穿应该刚好", "您肩宽的话建议拍大一码，穿着更舒服哦",
          "这款是直筒版型，很修饰腿型的，您放心")),
        (("洗了会缩水吗", "可以机洗吗", "掉色吗"),
         ("亲，第一次洗建议冷水手洗，基本不会缩水的", "可以机洗的哦，建议装洗衣袋，轻柔模式",
          "深色款第一次洗可能会有轻微浮色，属于正常现象，不影响穿着")),
        (("有没有实拍图", "能发个真人上身图吗", "[图片] 这个是一样的吗"),
         ("[图片] 亲，这是我们的实拍图哦", "好的亲，我发您看一下买家秀[图片]", "是同一款的亲，图片是实物拍摄的")),
        (("不合适可以换吗", "拍错码能换吗", "穿着不合适能退吗"),
         ("可以的亲，支持七天无理由退换，吊牌不要剪哦", "亲，不影响二次销售的情况下都可以换码的",
          "可以换的，您在订单里申请换货就可以，运费险会赔付运费")),
        (("那我拍{size}了", "好，那就{color}吧", "我拍两件可以便宜点吗"),
         ("好的亲，拍下后我帮您尽快安排发货哦", "好的亲，{color}很显白的，您穿一定好看",
          "亲，两件可以用店铺{coupon}元优惠券，下单自动抵扣哦")),
    ],
}

RETURNS: dict[str, list[Exchange]] = {
    "open": [
        (("我要退货", "这个{product}我不想要了，怎么退", "{product}能退吗，买错了", "怎么申请退款"),
         ("亲，支持七天无理由退货的哦，您在订单页点申请退货就可以", "好的亲，麻烦问一下是什么原因需要退货呢",
          "您好，在订单详情页申请退款，选择退货退款，填写原因提交就可以啦", "亲，请问是商品有什么问题吗，可以跟我说说哦")),
        (("退款什么时候到账", "退款申请了三天了还没到", "我的退款怎么还没退"),
         ("亲，仓库收到退货后会在{days}天内审核退款，原路退回", "您好，我帮您查一下退款进度，请稍等",
          "亲，退款已经审核通过了，一般1-3个工作日到账哦")),
        (("换货的话怎么操作", "我想换个{color}的", "{size}小了，想换大一码"),
         ("亲，在订单页申请换货，选择想换的颜色尺码就可以", "好的亲，我帮您登记换{color}，您先把原商品寄回哦",
          "可以的亲，换货来回运费我们承担，您放心")),
    ],
    "follow": [
        (("运费谁出", "退货运费要我自己出吗", "有运费险吗"),
         ("亲，您的订单有运费险，退货后会自动理赔运费", "质量问题运费我们承担，您先垫付，我们给您补偿{coupon}元",
          "亲，七天无理由退货的话运费需要您承担一下，还请您理解")),
        (("寄到哪个地址", "退货地址发我一下", "要寄什么快递"),
         ("亲，申请退货后系统会自动给您退货地址哦", "退货地址是{city}市仓库，收件人售后部，电话在退货申请里",
          "您寄任意快递都可以，寄出后记得填写退货单号哦")),
        (("已经寄回去了，单号{tracking}", "我寄出来了", "退货单号填好了"),
         ("好的亲，仓库收到后会尽快为您处理退款", "收到，我帮您备注优先处理，请耐心等待一下哦",
          "好的亲，已经看到您的退货单号了，签收后{days}天内退款")),
        (("吊牌剪了还能退吗", "用过一次能退吗", "包装拆了可以退吗"),
         ("亲，吊牌剪了的话不影响二次销售也可以退的，我帮您申请一下", "亲，不影响二次销售的情况下是可以退的哦",
          "包装拆了没关系，商品完好就可以退")),
        (("为什么拒绝我的退款", "退款被驳回了是怎么回事"),
         ("亲，非常抱歉，我帮您看一下驳回原因，请稍等", "您好，可能是退货信息填写有误，我帮您重新提交一下",
          "亲，我这边联系售后主管帮您重新审核，今天内给您答复")),
    ],
}

PRICE: dict[str, list[Exchange]] = {
    "open": [
        (("能便宜点吗", "{product}还能再优惠吗", "有没有优惠券", "最低多少钱"),
         ("亲，现在活动价已经很优惠了哦，领券还能再减{coupon}元", "您好，店铺首页可以领{coupon}元无门槛优惠券哦",
          "亲，这个价格已经是最低价了，我们是正品保障的", "亲，拍两件以上可以打九折哦")),
        (("为什么我刚买就降价了", "昨天买的今天便宜了{coupon}块", "能不能退差价"),
         ("亲，非常理解您的心情，我帮您申请一下差价补偿", "您好，保价期内可以退差价的，我这边帮您处理",
          "亲，我这边给您补偿{coupon}元红包，您看可以吗")),
        (("双十一会更便宜吗", "618有活动吗", "现在买划算还是等活动"),
         ("亲，活动价格要以当天为准哦，现在下单也有赠品的", "您好，现在买享受价格保护，降价可以退差价",
          "亲，现在下单送{product}一个，活动力度挺大的")),
    ],
    "follow": [
        (("{amount}能卖吗", "{amount}包邮行不行", "便宜{coupon}块我就拍"),
         ("亲，这个价格实在做不到，给您申请一个{coupon}元的优惠券可以吗", "亲，小本生意，给您包邮可以吗",
          "抱歉亲，已经是底价了，不过可以送您一份小礼品")),
        (("会员有折扣吗", "积分能抵现吗", "新人有优惠吗"),
         ("有的亲，会员购物享九五折，积分还能抵扣现金哦", "亲，新人首单可以领{coupon}元新人券",
          "积分100抵1元的，下单时勾选就可以使用")),
        (("赠品是什么", "送的东西有哪些", "买{qty}件送什么"),
         ("亲，拍下送同款收纳袋一个，还有{coupon}元复购券哦", "买{qty}件送一个{product}，送完为止",
          "赠品随机发的亲，都是实用的小东西")),
        (("好吧，那我拍了", "行，我下单了", "那我先拍一个"),
         ("好的亲，感谢您的支持，我们会尽快安排发货", "收到亲，已经给您备注优先发货了",
          "好的亲，记得领券再下单哦，能省{coupon}元")),
    ],
}

QUALITY: dict[str, list[Exchange]] = {
    "open": [
        (("收到的{product}是坏的", "{product}用了两天就坏了", "你们这什么质量啊，刚买就出问题",
          "衣服上有个洞 [图片]", "{product}有异味，根本没法用"),
         ("亲，非常抱歉给您带来不便，麻烦您拍一下问题部位的照片，我马上为您处理",
          "您好，真的很抱歉，能具体说一下是什么问题吗，我帮您登记售后",
          "亲，非常抱歉让您有这样的体验，我们这边给您补发一个新的可以吗",
          "实在抱歉亲，您先别着急，我这边给您申请换货")),
        (("气死我了，东西根本不能用", "太差了，我要投诉", "你们家东西也太垃圾了吧", "再不处理我就给差评了"),
         ("亲，非常抱歉，理解您的心情，我马上帮您处理，您看是换货还是退款呢",
          "真的非常抱歉给您带来这么不好的体验，我这边优先帮您处理",
          "亲，您先消消气，问题我已经记录下来了，马上联系主管给您解决",
          "非常抱歉亲，我们一定会给您一个满意的答复，请您先提供一下订单号")),
        (("少发了一件", "发错颜色了，我要的是{color}", "收到的尺码不对"),
         ("亲，非常抱歉是我们的失误，马上给您补发", "实在抱歉亲，我这边给您重新发一件{color}的，错发的您不用寄回了",
          "抱歉亲，仓库发错了，我们承担来回运费给您换")),
    ],
    "follow": [
        (("那要多久能处理好", "什么时候给我换", "今天能解决吗"),
         ("亲，我已经加急处理了，{when}给您答复", "新的{product}今天就给您寄出，单号发您",
          "亲，售后同事正在处理，有进展我第一时间联系您")),
        (("我不要优惠券，我要退款", "不接受补偿，直接退款", "我只要换新的"),
         ("好的亲，尊重您的选择，马上给您办理退款", "明白了亲，我这边直接给您换新，运费我们承担",
          "好的亲，退款申请已经提交，审核通过后原路退回")),
        (("你们就这服务态度吗", "什么服务啊，等半天没人理", "我要打12315投诉你们"),
         ("真的非常抱歉亲，是我们服务不到位，我马上为您处理", "亲，非常抱歉让您久等了，我现在专门跟进您的问题",
          "亲，理解您的心情，给您带来困扰真的很抱歉，我们一定会负责到底的")),
        (("给我补偿点什么吧", "耽误我这么多时间怎么算", "能补偿吗"),
         ("亲，给您补偿一张{coupon}元无门槛优惠券可以吗", "给您申请{coupon}元红包补偿，您看可以吗",
          "亲，我们给您返现{coupon}元作为补偿，再次向您道歉")),
        (("照片发你了 [图片]", "[图片] 你自己看", "[图片][图片]"),
         ("收到亲，确实是质量问题，非常抱歉，给您换新的", "看到了亲，这个情况我们给您全额退款",
          "好的亲，照片已经收到，售后这边马上给您处理")),
        (("算了，就这样吧", "行吧，希望下次别这样了", "好吧，尽快处理"),
         ("好的亲，再次向您道歉，我们会尽快处理好的", "感谢您的理解亲，我们一定改进",
          "好的亲，后续有任何问题直接找我就可以")),
    ],
}

INVOICE: dict[str, list[Exchange]] = {
    "open": [
        (("能开发票吗", "可以开专票吗", "发票怎么开"),
         ("可以的亲，麻烦您提供一下抬头和税号哦", "亲，支持开电子普通发票，确认收货后开具发到您邮箱",
          "您好，专票需要提供公司开票资料，我帮您登记")),
        (("地址填错了能改吗", "我想改一下收货地址", "能改成{city}的地址吗"),
         ("亲，订单还没发货，可以帮您修改的，请把新地址发我", "好的亲，麻烦提供一下新的收货地址和电话",
          "您好，已经发货了的话需要联系快递改地址，我帮您试一下")),
        (("能不能备注一下晚点发", "帮我备注送货前打电话", "可以指定{date}送到吗"),
         ("好的亲，已经帮您备注了", "亲，可以的，我给快递备注送货前联系您",
          "指定日期送达的话我们尽量安排，物流时效以实际为准哦")),
    ],
    "follow": [
        (("抬头写个人就行", "抬头是{shop}，税号发你了", "发票发我邮箱"),
         ("好的亲，已经备注个人发票，随货寄出", "收到，发票会在确认收货后{days}天内开具",
          "好的亲，电子发票开好后会发到您邮箱，注意查收")),
        (("新地址是{city}市某某路{qty}号", "电话换成新的了，地址不变", "收件人改成我老公"),
         ("好的亲，地址已经帮您修改好了，您核对一下", "收到，已经修改成功，发货后会短信通知您",
          "好的亲，信息已更新，仓库会按新信息发货")),
        (("发票金额能分开开吗", "可以开明细吗", "发票能开办公用品吗"),
         ("亲，发票只能按实际商品开具哦，可以开明细", "亲，可以按订单拆分开票的，我帮您登记",
          "抱歉亲，发票内容需要和商品一致，开{product}的")),
    ],
}

USAGE: dict[str, list[Exchange]] = {
    "open": [
        (("{product}怎么用", "这个{product}怎么连接手机", "说明书丢了，怎么设置"),
         ("亲，长按电源键3秒开机，打开手机蓝牙搜索就可以连接啦", "您好，我发您电子版说明书，请查收[文件]",
          "亲，第一次使用建议先充满电，按说明书操作就可以")),
        (("{product}充不进电", "开不了机了", "{product}连不上wifi"),
         ("亲，您先试试长按电源键10秒重启一下哦", "您好，麻烦换个充电头试一下，有时候是充电头的问题",
          "亲，路由器需要是2.4G频段的，5G的连不上哦")),
        (("这款滚筒洗衣机是变频的吗", "这个有几档", "噪音大不大"),
         ("这款滚筒洗衣机是变频的哦，很省电", "有三档可以调节，夜间模式很安静",
          "亲，运行噪音在45分贝左右，基本不影响休息")),
        (("{product}适合几岁的孩子", "孕妇能用吗", "敏感肌可以用吗"),
         ("亲，适合3岁以上的宝宝哦", "亲，成分温和，孕期也可以使用，有顾虑的话建议咨询一下医生",
          "这款是专门给敏感肌设计的，无香精无酒精")),
    ],
    "follow": [
        (("试了还是不行", "还是连不上", "重启了也没用"),
         ("亲，那可能是设备的问题，我帮您申请换新", "麻烦您录个视频发我一下，我让技术同事帮您看看",
          "亲，您把设备型号和问题描述一下，我提交给技术部门处理")),
        (("保质期多久", "能用多久", "电池续航多长时间"),
         ("亲，保质期是三年，生产日期都是新的", "正常使用可以续航{qty}0个小时左右",
          "亲，这款是锂电池，充满一次可以用一周")),
        (("有视频教程吗", "能发个安装视频吗"),
         ("有的亲，[视频] 您看一下这个安装视频", "详情页最后有安装视频，我也给您发一份[链接]",
          "亲，您关注店铺后可以在店铺首页看教程视频")),
        (("好的我试试", "行，我再研究一下", "懂了，谢谢"),
         ("好的亲，有问题随时找我哦", "好的，使用过程中有任何问题都可以联系我们",
          "不客气亲，祝您使用愉快")),
    ],
}

WARRANTY: dict[str, list[Exchange]] = {
    "open": [
        (("保修多久", "{product}坏了能保修吗", "过保了还能修吗"),
         ("亲，{product}全国联保一年，主要部件保修三年", "您好，在保修期内可以免费维修的，麻烦提供一下订单号",
          "亲，过保的话可以付费维修，费用会比较优惠")),
        (("寄修要多久", "维修点在哪", "能上门修吗"),
         ("亲，寄修的话收到后{days}个工作日修好寄回", "您好，{city}有售后网点，我把地址发您",
          "亲，大件商品支持上门维修，我帮您预约师傅")),
    ],
    "follow": [
        (("修好了还是一样的问题", "又坏了", "修了两次还不行"),
         ("亲，非常抱歉给您带来不便，这种情况我们直接给您换新机", "实在抱歉，我这边帮您申请退货退款",
          "亲，我联系售后主管给您特殊处理，{when}给您答复")),
        (("维修要收费吗", "运费谁出", "换零件要钱吗"),
         ("保修期内维修和运费都是免费的哦", "亲，寄修运费我们承担，您选择到付就可以",
          "人为损坏的话需要收取零件费用，我先帮您确认一下")),
        (("师傅什么时候来", "约好的时间没人来"),
         ("亲，师傅会在{when}联系您上门", "非常抱歉亲，我马上联系网点确认师傅的时间",
          "亲，已经帮您催促了，师傅半小时内给您回电话")),
    ],
}

SCENARIOS = [LOGISTICS, SIZE, RETURNS, PRICE, QUALITY, INVOICE, USAGE, WARRANTY]
SCENARIO_WEIGHTS = [24, 18, 14, 12, 10, 8, 8, 6]

CUSTOMER_HELLO = ("在吗", "在吗？", "你好", "您好", "有人吗", "客服在吗", "hello", "亲在吗", "在不在",
                  "你好，问一下")
CUSTOMER_NUDGE = ("？", "??", "有人吗", "在吗", "人呢", "快点回复一下", "还在吗", "怎么不说话",
                  "[图片]", "{order}", "订单号{order}", "就是这个[商品链接]", "急！", "回一下啊")
CUSTOMER_CLOSE = ("好的，谢谢", "好的谢谢", "谢谢", "好的", "嗯嗯", "知道了，谢谢", "好的，辛苦了",
                  "没有了，谢谢", "行，谢啦", "ok", "好滴", "明白了", "收到", "好的，麻烦了", "谢谢亲",
                  "没事了", "嗯", "好吧")
AGENT_GREET = ("亲，您好~欢迎光临{shop}，", "您好，{shop}客服{agent}为您服务，", "亲，在的，",
               "您好亲，", "在的亲，", "亲亲您好，", "")
AGENT_HOLD = ("好的亲，稍等，我帮您查一下哦", "亲，请稍等，马上为您查询", "收到，正在帮您核实",
              "好的，我这边看一下，稍等哈", "亲，稍等片刻哦")
AGENT_EXTRA = ("请问还有什么可以帮您的吗？", "亲，还有其他问题吗？", "有什么问题随时联系我哦",
               "[图片]", "[商品链接]", "亲，您看一下这个哦", "这个是详情页的尺码表，您参考一下[图片]",
               "我已经帮您备注好了", "稍后会有短信通知您", "亲，您核对一下订单信息哦")
AGENT_FAREWELL = ("不客气哦，祝您生活愉快，有问题随时找我们~", "好的亲，感谢您的支持，祝您购物愉快",
                  "不客气亲，欢迎下次光临{shop}", "好的亲，有问题随时联系我，再见",
                  "感谢您的耐心，祝您生活愉快", "亲，记得收货后给个五星好评哦，谢谢支持",
                  "不客气的亲，{agent}随时为您服务", "好的，祝您生活愉快，再见~")

# --------------------------------------------------------------------------------------------
# Lines that break the standard (the benchmark's ground truth, roughly): category → templates.
# --------------------------------------------------------------------------------------------

VIOLATIONS: dict[str, tuple[str, ...]] = {
    "forbidden": (
        "你别做梦了，这个价格不可能的", "你别做梦了，{amount}不可能卖", "怎么就你这么多事", "怎么就你这么多事呀？人家别人都没问题",
        "爱买不买，就这个价", "不买就别问了", "嫌贵就别买，我们家就这个价", "你是不是有病啊，都说了是正品",
        "真是服了你了，一个问题问八遍", "亲，这个小学生都知道吧", "少废话，要退就退", "买不起就别买",
        "你懂什么，{product}都是这样的", "无理取闹，我们不会退的",
    ),
    "rhetorical": (
        "这个不是您自己说的吗？", "这个不是您自己说的吗", "难道不是您没看清楚吗？", "解释这么多了还不明白吗？",
        "你不会看上面的记录吗？", "页面上不是写得很清楚了", "我不是说了吗，{days}天内发货", "你自己不会查物流啊",
        "说几遍才能听懂", "凭什么给你退款", "怎么又问这个", "难道要我们给您送过去吗",
    ),
    "shirking": (
        "这不是我们的问题，是快递弄坏的", "这不是我们的问题", "这个没办法处理，系统就是这样", "丢件的话你去找快递吧",
        "帮不了你，你自己看着办吧", "这个不归我们管的", "我也没办法，反正就这样", "质量问题你去找厂家",
        "这个跟我们没关系，你找平台", "我们管不了{courier}的事",
    ),
    "impatience": (
        "我已经说过很多遍了", "我已经说过很多遍了，七天无理由退货", "你到底买不买？", "别再问了，就是这样",
        "别催了，催也没用", "行了行了，知道了", "尺码表你自己看", "说了你也不懂", "有完没完啊",
        "我都说了{when}发货", "你到底想怎么样", "不买算了",
    ),
    "emoji_only": (
        "[微笑]", "/:^_^", "😊", "[微笑][微笑]", "。。。", "👌", "/:^_^ 👌", "[抱拳]", "🙏🙏", "[微笑] ~", "？？？",
    ),
}
VIOLATION_WEIGHTS = {"forbidden": 22, "rhetorical": 22, "shirking": 20, "impatience": 22, "emoji_only": 14}
SOOTHING_REPEAT = ("非常抱歉给您带来不便", "非常抱歉给您带来不便了亲", "非常抱歉给您带来不便",
                   "亲，非常抱歉给您带来不便")

# Message counts per conversation (4–20), weighted towards 6–12 as in real exports.
LENGTHS = list(range(4, 21))
LENGTH_WEIGHTS = [5, 6, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 3, 2, 2, 2]

BASE_DAY = date(2024, 5, 1)
CONVERSATIONS_PER_DAY = 4000
DAY_START, DAY_END = 8 * 3600, 24 * 3600 - 600

VIOLATION_RATE = 0.03  # per agent line, times the agent's own factor
SOOTHING_RATE = 0.012  # conversations with the same apology three times
SLOW_RATE = 0.02  # agent replies slower than the 3-minute limit


def _compile(table: dict[str, list[Exchange]]) -> dict[str, list[Exchange]]:
    return {key: [(tuple(c), tuple(a)) for c, a in value] for key, value in table.items()}


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.scenarios = [_compile(s) for s in SCENARIOS]
        # Each agent has their own share of traffic and their own habits.
        self.agent_weights = [rng.uniform(0.5, 2.0) for _ in AGENTS]
        self.agent_factor = [rng.choice((0.2, 0.5, 0.8, 1.0, 1.0, 1.2, 1.5, 2.5)) for _ in AGENTS]
        self.agent_slow = [rng.choice((0.5, 1.0, 1.0, 1.5, 3.0)) for _ in AGENTS]
        self.agent_cum = _cumulative(self.agent_weights)
        self.length_cum = _cumulative(LENGTH_WEIGHTS)
        self.scenario_cum = _cumulative(SCENARIO_WEIGHTS)
        self.violation_names = list(VIOLATION_WEIGHTS)
        self.violation_cum = _cumulative([VIOLATION_WEIGHTS[n] for n in self.violation_names])
        self.dates: dict[int, str] = {}
        self.clock = DAY_START
        self.conversation_number = 0
        self.stats: Counter[str] = Counter()
        self.encoder = json.JSONEncoder(ensure_ascii=False)

    # -- slots -----------------------------------------------------------------------------

    def slots(self, agent: str) -> dict[str, str]:
        rng = self.rng
        courier = rng.choice(COURIERS)
        day = BASE_DAY + timedelta(days=self.clock // 86400 + rng.randint(1, 5))
        return {
            "product": rng.choice(PRODUCTS),
            "color": rng.choice(COLORS),
            "size": rng.choice(SIZES),
            "amount": rng.choice(AMOUNTS),
            "coupon": rng.choice(COUPONS),
            "order": str(rng.randrange(10**17, 10**18)) if rng.random() < 0.7 else str(rng.randrange(10**11, 10**12)),
            "courier": courier,
            "tracking": COURIER_PREFIX[courier] + str(rng.randrange(10**11, 10**13)),
            "city": rng.choice(CITIES),
            "days": rng.choice(DAYS),
            "when": rng.choice(WHEN),
            "date": f"{day.month}月{day.day}日",
            "shop": rng.choice(SHOPS),
            "qty": str(rng.randint(2, 5)),
            "height": str(rng.randint(150, 188)),
            "weight": str(rng.randint(85, 190)),
            "agent": agent,
        }

    def when(self, seconds: int) -> str:
        day, rest = divmod(seconds, 86400)
        text = self.dates.get(day)
        if text is None:
            text = self.dates[day] = (BASE_DAY + timedelta(days=day)).isoformat()
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        return f"{text} {hours:02d}:{minutes:02d}:{secs:02d}"

    # -- one conversation -----------------------------------------------------------------

    def roles(self, length: int) -> list[str]:
        rng = self.rng
        roles = ["customer"]
        for _ in range(length - 1):
            if roles[-1] == "customer":
                roles.append("agent" if rng.random() < 0.82 else "customer")
            else:
                roles.append("customer" if rng.random() < 0.88 else "agent")
        if length >= 6 and rng.random() < 0.8:
            roles[-2:] = ["customer", "agent"]
        return roles

    def conversation(self, length: int) -> list[str]:
        rng = self.rng
        choice, random_ = rng.choice, rng.random
        self.conversation_number += 1
        cid = f"C{20240501000000 + self.conversation_number}"
        # Conversations arrive through the day; nights are quiet.
        self.clock += int(rng.expovariate(CONVERSATIONS_PER_DAY / (DAY_END - DAY_START))) + 1
        if self.clock % 86400 > DAY_END:
            self.clock = (self.clock // 86400 + 1) * 86400 + DAY_START + rng.randint(0, 1800)
        agent_index = _pick(rng, self.agent_cum)
        agent = AGENTS[agent_index]
        handover = rng.randint(3, length - 1) if length >= 8 and random_() < 0.05 else None
        second = AGENTS[_pick(rng, self.agent_cum)] if handover is not None else agent
        customer = _customer(rng)
        slots = self.slots(agent)
        scenario = self.scenarios[_pick(rng, self.scenario_cum)]
        roles = self.roles(length)
        closing = length >= 6 and roles[-2:] == ["customer", "agent"]
        soothing_at: set[int] = set()
        agent_positions = [i for i, r in enumerate(roles) if r == "agent"]
        if len(agent_positions) >= 4 and random_() < SOOTHING_RATE * self.agent_factor[agent_index]:
            soothing_at = set(rng.sample(agent_positions[1:], 3))
            self.stats["repeated_soothing"] += 1

        lines = []
        t = self.clock
        pending: tuple[str, ...] | None = None  # answers to the customer's last question
        opened = answered_first = False
        encode = self.encoder.encode
        for position, role in enumerate(roles):
            previous = roles[position - 1] if position else None
            last = position == length - 1
            if role == "customer":
                if previous == "customer":
                    t += rng.randint(3, 40)  # a second line before any reply
                elif previous is not None:
                    t += rng.randint(5, 90) if random_() < 0.9 else rng.randint(120, 900)
                if closing and position == length - 2:
                    text = choice(CUSTOMER_CLOSE)
                    pending = None
                elif not opened:
                    if position == 0 and length > 4 and roles[1] == "customer":
                        text = choice(CUSTOMER_HELLO)
                    else:
                        customer_lines, pending = choice(scenario["open"])
                        text = choice(customer_lines)
                        opened = True
                elif previous == "customer":
                    text = choice(CUSTOMER_NUDGE)
                else:
                    customer_lines, pending = choice(scenario["follow"])
                    text = choice(customer_lines)
                if random_() < 0.06:
                    text += choice(CUSTOMER_EMO)
                record = {"conversation_id": cid, "id": f"{cid}-{position + 1}", "time": "",
                          "role": "customer", "customer": customer, "text": text}
            else:
                name = second if handover is not None and position >= handover else agent
                if previous == "customer":
                    slow = random_() < SLOW_RATE * self.agent_slow[agent_index]
                    t += rng.randint(181, 900) if slow else (
                        rng.randint(10, 120) if random_() < 0.92 else rng.randint(120, 180))
                    self.stats["slow_replies"] += slow
                else:
                    t += rng.randint(3, 25)
                if closing and last:
                    text = choice(AGENT_FAREWELL)
                elif position in soothing_at:
                    text = choice(SOOTHING_REPEAT)
                elif previous == "customer" and random_() < VIOLATION_RATE * self.agent_factor[agent_index]:
                    kind = self.violation_names[_pick(rng, self.violation_cum)]
                    text = choice(VIOLATIONS[kind])
                    self.stats[kind] += 1
                elif previous == "customer" and pending is not None:
                    text = choice(pending)
                    if not answered_first:
                        text = _greeted(choice(AGENT_GREET), text)
                    pending = None
                    answered_first = True
                elif previous == "customer":
                    text = choice(AGENT_HOLD) if not answered_first else choice(AGENT_EXTRA)
                    if not answered_first:
                        text = _greeted(choice(AGENT_GREET), text)
                    answered_first = True
                else:
                    text = choice(AGENT_EXTRA)
                if random_() < 0.15 and not text.endswith("]"):
                    text += choice(EMOTICONS)
                record = {"conversation_id": cid, "id": f"{cid}-{position + 1}", "time": "",
                          "role": "agent", "agent": name, "text": text}
                self.stats["agent_lines"] += 1
            if "{" in text:
                record["text"] = text.format_map(slots)
            record["time"] = self.when(t)
            lines.append(encode(record))
        self.stats["conversations"] += 1
        return lines

    def lengths(self, messages: int):
        remaining = messages
        while remaining > 0:
            if remaining <= 20:
                length = remaining
            else:
                length = LENGTHS[_pick(self.rng, self.length_cum)]
                if remaining - length < 4:
                    length = remaining - 4
            remaining -= length
            yield length


def _greeted(greeting: str, text: str) -> str:
    """A greeting before the first answer, without 「亲，您好，亲，」 twice."""
    if greeting:
        for opener in ("亲亲您好，", "您好亲，", "亲，", "您好，"):
            if text.startswith(opener):
                text = text[len(opener):]
                break
    return greeting + text


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return [value / total for value in out]


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    point = rng.random()
    for index, bound in enumerate(cumulative):
        if point < bound:
            return index
    return len(cumulative) - 1


def _customer(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.45:
        return f"tb_{rng.choice(NICK_WORDS)}{rng.choice(NICK_WORDS)}{rng.randint(1, 9999)}"
    if style < 0.75:
        return f"jd_{rng.randint(130, 199)}****{rng.randint(0, 9999):04d}"
    return f"{rng.choice(NICK_WORDS)}_{rng.randint(10, 99)}"


def generate(messages: int, out: str, seed: int = 1) -> Counter[str]:
    """Write `messages` messages to `out`; returns what was generated and injected."""
    generator = Generator(seed)
    directory = os.path.dirname(os.path.abspath(out))
    os.makedirs(directory, exist_ok=True)
    temporary = out + ".part"
    buffer: list[str] = []
    with open(temporary, "w", encoding="utf-8", newline="\n") as stream:
        for length in generator.lengths(messages):
            buffer.extend(generator.conversation(length))
            if len(buffer) >= 20000:
                buffer.append("")
                stream.write("\n".join(buffer))
                buffer = []
        if buffer:
            buffer.append("")
            stream.write("\n".join(buffer))
    os.replace(temporary, out)
    generator.stats["messages"] = messages
    return generator.stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=100_000, help="number of messages (default 100000)")
    parser.add_argument("--out", required=True, help="output .jsonl file")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.messages < 1:
        parser.error("--messages must be at least 1")
    started = time.perf_counter()
    stats = generate(args.messages, args.out, args.seed)
    elapsed = time.perf_counter() - started
    injected = sum(stats[k] for k in VIOLATIONS) + 3 * stats["repeated_soothing"]
    agent_lines = max(stats["agent_lines"], 1)
    print(
        f"wrote {stats['messages']} messages, {stats['conversations']} conversations to {args.out} "
        f"in {elapsed:.1f} s (seed {args.seed})\n"
        f"  agent lines {stats['agent_lines']}, rule-breaking lines {injected} "
        f"({100 * injected / agent_lines:.1f} %): "
        + ", ".join(f"{k} {stats[k]}" for k in VIOLATIONS)
        + f", repeated soothing {stats['repeated_soothing']} conversations × 3 lines\n"
        f"  slow agent replies (> 3 min) {stats['slow_replies']}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
