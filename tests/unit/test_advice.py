"""A suggestion or a piece of information answers the trouble the user named: rent they cannot
pay gets a money step, sleepless nights a sleep step, and look-alikes ("my phone died", "I broke
my leg") name no trouble."""

from __future__ import annotations

import pytest
from chat_helpers import SAD, talk

from agent.advice import BY_NAME, TOPICS, topic_of
from agent.responders import Responder, ResponseRequest, build_messages
from agent.troubles import tells_trouble
from agent.types import Strategy
from perception import DialogueTurn

pytestmark = pytest.mark.unit



@pytest.mark.parametrize(("text", "topic"), [
    ("Rent is due friday and I'm 300 short.", "money"),
    ("I'm so broke I can't even buy groceries.", "money"),
    ("We're behind on the rent and the landlord is talking about eviction.", "money"),
    ("I can't sleep, I've been awake every night till 4am.", "sleep"),
    ("I haven't slept properly in weeks.", "sleep"),
    ("I have my final exams next week and I haven't started studying.", "exams"),
    ("I got laid off this morning.", "job_loss"),
    ("They laid me off.", "job_loss"), ("We were just laid off.", "job_loss"),
    ("I hate being unemployed.", "job_loss"),
    ("My husband and I were laid off.", "job_loss"),
    ("I was working in IKEA warehouse before I got redundant", "job_loss"),  # ESConv train
    ("I was let go on Friday.", "job_loss"),
    ("No, my work was through a hospital and they stopped my contract.", "job_loss"),  # ESConv
    ("Good idea. Any recommendations on relaxation techniques?", "relaxing"),  # ESConv valid
    ("I can't relax at night", "relaxing"),
    ("Hello I have been having a hard time falling asleep at night.", "sleep"),  # ESConv valid
    ("Do you have any suggestions to improve sleep the night before?", "sleep"),  # ESConv train
    ("Can you suggest some remedies of how to get out of depression..", "low_mood"),  # ESConv
    ("I dont know how to get out of this slump", "low_mood"),  # ESConv valid
    ("Kindly advise me on better ways for managing depression.", "low_mood"),  # ESConv valid
    # ESConv train: had got "how is your day going otherwise?"
    ("Cannot seem to shake the blues even though I exercise and have a friend I talk with.",
     "low_mood"),
    ("I've got the blues today.", "low_mood"),
    # ESConv train: friends turned cold had got general lines
    ("I need some help with my friend group. I feel they do not like me anymore.", "conflict"),
    ("they do not want to meet me and are cold to me.", "conflict"),
    ("My friends keep ignoring me", "conflict"),
    ("I found out a really good friend deleted me on facebook", "conflict"),  # ESConv train
    # ESConv train: neighbours angry with the user had got "one small thing ... just for you"
    ("But my neighbors are mad at me, because they think I overreacted.", "conflict"),
    ("What should I do to get back in good graces with them?", "conflict"),
    # ESConv train: had got "Mm, fair enough."
    ("Not too bad just wanted to talk with you about my alcohol addiction.", "drinking"),
    ("I am drinking beer almost every day since I started to work from home.", "drinking"),
    ("I can't see myself stop drinking.", "drinking"),
    # ESConv train: had got a line on grief
    ("That is good advice. Also, do you know of any support groups online that might be "
     "helpful?", "support_groups"),
    ("Are there support groups for people like me?", "support_groups"),
    ("Sure..That is very helpful..Can you suggest where to find some online forums to find "
     "survivors with my same condition.", "support_groups"),  # ESConv train
    # ESConv train "Issues with Children", which had got general lines
    ("The struggle is real my kids act as if they dont hear me", "parenting"),
    ("with that said, I have been angry at my kids.", "parenting"),
    ("What suggestions do you have for unruly kids who argue?", "parenting"),
    ("As I said above, my youngest son is difficult. He does not like to share.", "parenting"),
    ("He does not like to share with his older brother.", "parenting"),
    ("Hi. Quite frustrated with my tween daughter!", "parenting"),
    ("My 11 year old daughter won't pick up anything", "parenting"),
    ("hi,I'm in depression because my kids not listen to me.", "parenting"),  # ESConv valid
    ("My kids fight with each other all day.", "parenting"),  # a parent's to handle
    ("Parenting has been so hard lately.", "parenting"),
    ("I suspect my son is in bad company.", "parenting"),  # ESConv train
    ("My grandson has been really difficult lately.", "parenting"),  # ESConv train
    ("My friend of 5 years said that they hated me.", "conflict"),  # ESConv train
    # ESConv train: had got small talk, and a workload step
    ("Hello. I wanted to talk about my academic pressures.", "exams"),
    ("Yep. What should I do to relax my mind?", "relaxing"),
    # ESConv train: had got general lines
    ("I'm really sad because I'm feeling left out of my freind's group.", "conflict"),
    ("They will make plans in front of me and not invite me,", "conflict"),
    # ESConv train: had got general lines
    ("the problem is I cannot continue to work these hours - it is just not sustainable.",
     "workload"),
    ("working till 11pm most nights is not sustainable", "workload"),
    ("My daughter's behaviour has changed.", "parenting"),
    ("What do I do to meditate?", "relaxing"),  # ESConv train: had got a general line
    # ESConv train: had got a daylight walk, and a general line
    ("I overspent and I have no idea how I can pay my credit cards off", "money"),
    ("We live paycheck to paycheck.", "money"),
    ("I have no one to talk to. I have lost all of my friends since becoming a mom.",
     "loneliness"),
    ("Any tips for sleep?", "sleep"),
    ("Do you have any suggestions on how to handle the anxiety?", "relaxing"),  # ESConv train
    ("Do you have any other suggestions to resolve my anxiety issue?", "relaxing"),  # ESConv
    # ESConv train: had got a study step named earlier
    ("Do you have any tips on how to deal with headaches or being overly stressed or anxious?",
     "relaxing"),
    ("I am so depressed because I lost my job", "job_loss"),  # the trouble behind it first
    ("I'm so sad about losing my job last week.", "job_loss"),
    ("I am sleepy, I lie down and then I feel wide awake thinking about the next day.", "sleep"),
    ("How do I calm down before a test?", "relaxing"),
    ("Apart from deep breaths, what other ways can i use to manage my anxiety?", "relaxing"),
    ("It would take me awhile to get out to the country. What do you do to relax?", "relaxing"),
    ("I'm getting divorced.", "breakup"),
    # ESConv valid
    ("I've been wanting to stop drinking but here I am with another glass", "drinking"),
    ("my husband is a very sadistic and abusive person who finds fault in everything i do",
     "abuse"),
    ("He is kind of sexually and physically abusing me for everything I do", "abuse"),
    ("My dad hits me when he drinks.", "abuse"),
    ("Anything I should do when I suddenly get the urge to drink?", "drinking"),
    ("its heart breaking since i heard about the sad news of his demise have been taking Alcohol "
     "since to wipe away the emotion", "drinking"),
    ("i normally take Alcohol any time am going through any sad moment", "drinking"),
    ("My contract was not renewed.", "job_loss"),
    ("Then when I come back they tell me that my position is being phased out..", "job_loss"),
    ("I think they are letting me go because I was sick", "job_loss"),  # ESConv valid
    ("Not about feeling well, it is about layoff from my job", "job_loss"),  # ESConv train
    ("I keep having panic attacks at work.", "panic"),
    ("My heart keeps racing for no reason.", "panic"),
    ("My grandma passed away last week.", "grief"),
    ("My dog died yesterday.", "grief"),
    ("I'm waiting for my biopsy results.", "health"),
    ("My husband left me for someone else.", "breakup"),
    ("We broke up after six years.", "breakup"),
    ("My partner ran off with another woman. What should I do?", "breakup"),
    ("She just ended it suddenly.", "breakup"),
    ("Kids at school keep calling me names.", "bullying"),
    ("I don't know anyone here.", "loneliness"),
    ("I had a fight with my sister.", "conflict"),
    ("I have three deadlines this week and no time.", "workload"),
    ("My boss yelled at me in front of everyone.", "workplace"),
    ("My coworker keeps taking credit for my work.", "workplace"),
    ("I got yelled at at work today.", "workplace"),
    ("My manager keeps adding more.", "workload"),
    ("Any tips for a new manager? I start next month.", "new_role"),
    ("I got promoted but I'm scared I'll mess it up.", "new_role"),
    # ESConv valid, after a husband's cheating: the question is how to find help
    ("i will look into this. can you recommend a counceller hello", "finding_help"),
    ("How do I find a good therapist when I'm so broke?", "finding_help"),
    ("Yes iam in a city..I dont know about any free counsellors..How to find the info",
     "finding_help"),
    ("I am not sure what to do to recover my sleeping schedule to normal.", "sleep"),
    ("Do you have any suggestions other than exercising to help with sleeping?", "sleep"),
    # ESConv valid: "What has been the hardest part of your job so far?", then "you are facing
    # your shift head on" to drinking at work
    ("Well, i have a problem with drinking alcohol I am so scared my job will find out",
     "drinking"),
    ("I have started drinking at work close to the end of my shift in the bathroom",
     "drinking"),
    ("I have been drinking more since the divorce", "drinking"), ("I relapsed.", "drinking"),
    # a job search in its own words (ESConv valid: "Do you have any tips?" got "Talking
    # things through with someone is one of the best-studied ways to feel better.")
    ("It's been frustrating. I've sent out 50 resumes and got 3 interviews.", "job_loss"),
    ("I have been applying for jobs every day", "job_loss"),
    # a job feared for, not lost (ESConv train, job crisis: "well I fear losing my job" had
    # been told to apply for unemployment benefits, the rest got general lines)
    ("well I fear losing my job", "job_insecurity"), ("I'm scared of losing my job.",
                                                       "job_insecurity"),
    ("I'm worried about losing my job.", "job_insecurity"),
    ("I'm feeling anxious that I am going to lose my job.", "job_insecurity"),
    ("The fear of layoff from job", "job_insecurity"),
    ("I am scaring about layoff from job", "job_insecurity"),
    ("They honored my current contract, but due to rising cost and expenses they are "
     "downsizing the company.", "job_insecurity"),
    ("It's not ending yet, but no my job is not protected.", "job_insecurity"),
    ("Every time my phone rings I get nervous that I'm being fired", "job_insecurity"),
    ("If I lose my job I can't pay my bills and keep a roof over my head.", "job_insecurity"),
    ("I might get fired.", "job_insecurity"), ("I don't want to get fired", "job_insecurity"),
    ("Do you think I will lose my job?", "job_insecurity"),
    ("Due to this pandemic, I fear for the safety of my job.", "job_insecurity"),
    # how to say something hard (ESConv train: a daylight walk, "writing down what worries you
    # most")
    ("how do i even begin to start the conversation", "hard_talk"),
    ("He just brushes it off, and how do i tell my parents i need another semester to finish my "
     "degree", "hard_talk"),
    ("Not yet, I am scared to tell my family, considering that they view academic success "
     "heavily", "hard_talk"),
    ("I have been afraid to tell my parents how I'm feeling.", "hard_talk"),
    ("I see, I will talk to him. how should I start it off?", "hard_talk"),
    ("No time to sleep... ever.... How do I tell her I have feelings too", "hard_talk"),
    ("How do I tell my husband I want a divorce?", "hard_talk"),  # not how to get over one
    # ESConv train: "Before bed tonight, could you note one thing that went even a little bit
    # right?"
    ("oh i am totally pissed off at my friend he is an intelligent person", "conflict"),
    ("i got so mad i just cut off communication", "conflict"),
    ("I work in healthcare and have a lot to do and it feels like I have no time to get "
     "everything done", "workload"),
    # ESConv valid, met with generic lines
    ("This co worker keeps going behind my back", "workplace"),
    ("So I had a long time friend who recently blocked me from everything.", "conflict"),
    # ESConv valid, Procrastination: "Any tips?" got "Before bed tonight, could you note one
    # thing that went even a little bit right?"
    ("I'm frustrated I didn't start my work. It seems like it is straightforward but for some "
     "reason I can't seem to start", "procrastination"),
    ("Despite having those conflicting thoughts....I can't get going.", "procrastination"),
    ("My exams are next week and I keep procrastinating.", "procrastination"),
    ("I keep putting my essay off.", "procrastination"),
    # ESConv train, typos kept
    ("yes we are easily diverting .Main thing i always postponing my preparation",
     "procrastination"),
    ("I can't concentrate on my work these days.", "procrastination"),
    ("gf broke my heart", "breakup"),  # ESConv valid: "any advice?" got a general line
    ("Yes. I find it hard to fall asleep. This happens most nights", "sleep"),  # ESConv train
    ("I have been having trouble getting to sleep on time.", "sleep"),
    # ESConv train: a quiet hour tonight, a worry list
    ("please am not able to get sleep like 6 months now please help me", "sleep"),
    ("okay thank you so much. also is there anything i can do to sleep more", "sleep"),
    ("I feel tired during the day but cant fall or stay asleep at night.", "sleep"),
    # ESConv train, after a breakup: a note to write, a line on breakups
    ("Is considering counselling a better option?", "finding_help"),
    ("I didnt know counselling is very expensive.are there any low cost options?",
     "finding_help"),
    # ESConv train: had got the steps for putting things off
    ("I've also been turning to drugs a lot lately due to the situation. Procrastinating makes "
     "me feel guilty", "drinking"),
    ("I wish I would not get fired.", "job_insecurity"),
    # ESConv train: asked later for distractions, it got the steps for rent
    ("I can't really afford professional help. And I don't want to be a burden on my friends.",
     "finding_help"),
])
def test_a_named_trouble_is_found(text: str, topic: str) -> None:
    found = topic_of(text)
    assert found is not None and found.name == topic


@pytest.mark.parametrize("text", [
    "My phone died on the train.",
    "I signed my contract today.",
    "I love to meditate every morning",
    "I drink alcohol at parties.",
    "I think I'm in panic mode!",  # ESConv valid, about a job search
    "I am single/divorced and want to start fresh",  # ESConv valid: a status, in passing
    "Relax, it's fine",
    "I broke my leg skiing.",
    "She broke the vase.",
    "I was fired up about the game.",
    "Bill is coming over tonight.",
    "I slept great last night.",
    "I like turtles.",
    "I don't know anyone who skis.",
    "I love my job.",
    "I had a long day at work.",
    # ESConv train, a student: had got the steps for a job feared for
    "Those are the worst teachers. I wish teachers like those would get fired.",
    "I wish my boss would get fired.",
    "I was not able to sleep over at her house.", "I want to sleep more with my wife.",
    "My dad walked out on us when I was six.",  # a parent who left is not a breakup
    "My mom left us.",
    "But validation doesn't pay the bills.",  # a saying (ESConv valid: 211 for rent followed)
    # ESConv valid: a new role's first steps followed for five turns
    "It's mostly luck based and a lot of wasted effort goes into self- promotion.",
    "I have looked at other schools but it's hard to try and get a new position in my area.",
    "do you have any idea for getting new job?",  # looks for one (ESConv valid)
    "Applying for new positions is exhausting.",
    # ESConv train, after a lost job: had got a new lead's first steps
    "I want to look for a new job, but I'm worried about being out with COVID.",
    "I need a new job.",
    # ESConv train: looks for a job, no new role ("write down one thing that went well each day
    # for the first few weeks")
    "could you please help me to be concentrated on work and new job preparation to get a job",
    "My therapist said I should rest more.",
    # ESConv valid: "Could you break it into short blocks ...?" answered a parent
    "I also think my kid's homework and remote learning has stressed me.",
    "I had a drink with friends.", "I drink more water now.", "I applied to college.",
    "My brother is struggling with an addiction.",  # someone else's: other steps
    "I can't start the car.", "I can't wait to start!", "I couldn't start the meeting on time.",
    "Yes I am. And yeah I just finished finals.", "My exams are over now!",  # behind them
    "I can't get going in the morning without coffee.",
    "We postponed the wedding to next year.",
    # someone else's lost job: its steps ("apply for unemployment benefits") are not the user's
    # to take (ESConv train: said to a wife whose husband was laid off)
    "my husband lost his job", "My husband is unemployed.", "I fired my assistant.",
    "I heard my dad was laid off.",
    "I listen to the blues when I cook.", "The car is blue.", "I can't shake the rug out.",
    "The water is cold to me.", "She doesn't like me in that way.",
    "My boss is difficult.", "I had a meltdown at work.", "My kids are my world.",
    "my salary was cut into two because of pandemic",  # a pay cut: no job feared for
    "I lay off the sweets after dinner.", "My friend was laid off.",
    "how do I tell if he likes me", "I told my mom.",
    "I cut off the tags.", "I was mad at the weather.",
    "Yes, I also realized that I wasn't angry with my friend but rather myself",  # ESConv valid
    # ESConv train: "Could you ask them what would help most right now"
    "Yeah I have two beautiful kids,I just want to be there for them in their life.",
    # a breakup likened to grief (ESConv train: "spend a little time with people who knew them")
    "close to grief but she is still alive i saw her last week",
    "I share with my sister.", "My support group meets on Fridays.", "I work until 5pm.",
    "Where would I find a local parenting forums?",  # ESConv train: had got a step on shouting
])
def test_a_look_alike_names_no_trouble(text: str) -> None:
    assert topic_of(text) is None


@pytest.mark.parametrize("text", [
    "My sister's boyfriend broke up with her and she is devastated.",
    "My brother is going through a divorce.",
    "My parents are getting divorced.",
    "My best friend is failing her exams.",
    "My son can't sleep at night.",
    "My roommate is really lonely",
    "My friend is grieving and I want to help.",
    "My friend's dad passed away last week and I don't know how to help him.",
    "Her mom passed away.",
    "My daughter has panic attacks.",
    "My son is being bullied at school.",
    "They make fun of him at school",
    "My daughter is really sick and its causing her to have trouble sleeping.",  # ESConv train
    # ESConv train: had got "take someone you trust along to the next appointment"
    "i'm stressed about my family getting covid my youngest is waiting for test results.",
    # ESConv train, a boyfriend who left: had got the steps for low mood
    "He said he has been struggling with depression and needed to be alone",
    "She has cancer.",
    "Maybe I could talk to my friend Sam because she just broke up with her boyfriend.",
    "How can I help my friend with her depression?",
    # ESConv train: had got "take someone you trust along to the next appointment"
    "Hello my boss and mentor was just diagnosed with cancer",
    "My husband is in the hospital and I am scared",
    # ESConv train: had got "mute them for a while"
    "It's tragic to see so many going through divorces and separations at the same time.",
    "I have 4 sets of friends divorcing and they all separated after March 2020.",
    "My wife might get laid off.",  # hers: asking her manager where things stand is her step
    "My friend is scared to tell her parents.",
])
def test_someone_elses_trouble_is_helping_them_not_their_steps(text: str) -> None:
    # "my son can't sleep" had been told "Could you keep the same wake-up time every day this
    # week?", and a sister's breakup "It might help to mute them for a while"
    found = topic_of(text)
    assert found is not None and found.name == "supporting", (text, found and found.name)


@pytest.mark.parametrize(("text", "topic"), [
    ("My girlfriend broke up with me.", "breakup"),
    ("My girlfriend and I broke up.", "breakup"),
    ("My wife wants a divorce.", "breakup"),
    ("She cheated on me, and I feel stupid", "breakup"),
    ("My friends said they had heard about the breakup", "breakup"),
    ("My dad passed away last week.", "grief"),
    ("My friend has passed away and I'm having a hard time", "grief"),
    ("It has been 24 years since my dad has passed away", "grief"),  # ESConv
    ("My husband snores so I can't sleep.", "sleep"),
    ("I can't sleep because my son is sick", "sleep"),
    ("My mom moved away and I feel lonely", "loneliness"),
    ("My brother was a bully", "bullying"),  # ESConv train
    ("They basically bullied and forced me to do what they wanted.", "bullying"),  # ESConv
    ("They make fun of me", "bullying"),
    ("My boss is a bully.", "bullying"),
    ("He is such a bully to me.", "bullying"),
    ("I can't sleep since he left.", "sleep"),
    ("He keeps taking credit for my work.", "workplace"),
    ("I get panic attacks when my boss yells", "panic"),
    ("I'm anxious about my exams", "exams"),
    ("I was just diagnosed with cancer.", "health"),
    ("My boss yelled at me and I can't sleep.", "sleep"),
    ("I have had two divorces.", "breakup"),
])
def test_the_users_own_trouble_beside_someone_named_is_still_theirs(text: str,
                                                                    topic: str) -> None:
    found = topic_of(text)
    assert found is not None and found.name == topic, (text, found and found.name)


def test_abuse_told_gets_safety_steps_not_a_talk_at_home() -> None:
    # ESConv valid: "is there any peer support groups that you can suggest me" after abuse told
    # had got "could you talk to your kids about it, maybe tonight when things are calm?"
    replies = talk(["my husband is a very sadistic and abusive person who finds fault in "
                    "everything i do",
                    "No Iam very scared to get out of this relationship thinking about my kids..",
                    "okay i will try to find them..also is there any peer support groups that "
                    "you can suggest me"], Strategy.SUGGESTION, asked_first=2)
    assert any(step in replies[-1] for step in BY_NAME["abuse"].suggestions), replies
    assert "talk to your kids" not in replies[-1]


def test_a_support_group_asked_for_follows_a_trouble_with_groups_of_its_own() -> None:
    asked = "Are there any support groups you can recommend?"
    assert topic_of(asked).name == "support_groups"
    assert topic_of(asked, ["I'm an alcoholic.", "It got worse this year.", "Yes.", "Ok.",
                            "I know."]).name == "drinking"
    assert topic_of(asked, ["My dog died last week."]).name == "support_groups"


def test_someone_elses_trouble_gets_steps_for_the_one_who_helps() -> None:
    reply = talk(["My sister's boyfriend broke up with her and she is devastated.",
                  "What should I do?"], Strategy.SUGGESTION, asked_first=1)[-1]
    assert any(step in reply for step in BY_NAME["supporting"].suggestions), reply
    assert not any(step in reply for step in BY_NAME["breakup"].suggestions), reply


def test_looking_for_a_new_job_after_losing_one_is_the_job_search() -> None:
    # ESConv valid: "do you have any idea for getting new job?" had got a new role's line
    # ("Most people feel out of their depth in a new role for the first months ...")
    lost = ["I'm in depression because recently i lost my job"]
    assert topic_of("do you have any idea for getting new job?", lost).name == "job_loss"
    assert topic_of("I got a new job!").name == "new_role"  # got one: a new role


def test_the_latest_message_wins_and_earlier_ones_are_read_latest_first() -> None:
    assert topic_of("I can't sleep either.", ["Rent is due friday."]).name == "sleep"
    assert topic_of("What should I do?", ["I can't sleep.", "Rent is due friday."]).name == "money"
    # the latest trouble named is the topic however long ago it was told (ESConv train: a
    # breakup told 9 messages before "Do you have any more advice?" had got general lines)
    old = ["I can't sleep.", "Rent is due friday."] + ["Okay."] * 9
    assert topic_of("Do you have any more advice?", old).name == "money"
    # a trouble named later covers it
    assert topic_of("What should I do?", [*old, "I failed my exams."]).name == "exams"
    # a remark that asks for nothing reads only the last few: a trouble told long ago is not
    # what it is about (ESConv train: study tips for 16 turns after studying was named once)
    passing = ["Okay."] * 5 + ["Rent is due friday."] + ["Okay."] * 5
    assert topic_of("My pastor is wonderful.", passing) is None
    assert topic_of("What should I do?", passing).name == "money"
    assert topic_of("My pastor is wonderful.", passing[:-2]).name == "money"  # the last four
    # the trouble the conversation opened on is still what it is about
    opened = ["I can't sleep at night.", *["Okay."] * 9]
    assert topic_of("My pastor is wonderful.", opened).name == "sleep"
    assert topic_of("My pastor is wonderful.", ["Okay."] * 5 + opened) is None


def test_the_sentence_that_asks_names_the_topic_before_the_rest() -> None:
    # ESConv train: had got a grief step for the anxiety asked about
    text = ("Many people have also lost their loved ones. It makes the isolation all the harder "
            "trying to handle the grief. It does help to talk, thank you. Do you have any "
            "suggestions on how to handle the anxiety?")
    assert topic_of(text).name == "relaxing"
    # an ask that names none leaves the message's own topic
    assert topic_of("My mom passed away last month. What should I do?").name == "grief"


def test_a_topic_is_the_users_own_wording_not_a_look_alike() -> None:
    # ESConv train: "she isolated the president" (a game) is no loneliness, "help my sleep" is
    # sleep
    assert topic_of("It was a political game where she isolated the president.") is None
    assert topic_of("I've isolated myself pretty good.").name == "loneliness"
    assert topic_of("Anything I can do to help my sleep?").name == "sleep"


def test_every_topic_has_steps_and_a_fact_and_unique_wording() -> None:
    lines = [line for t in TOPICS for line in (*t.suggestions, *t.information)]
    assert len(lines) == len(set(lines))
    for topic in TOPICS:
        assert topic.suggestions and topic.information, topic.name
        assert all("{" not in line for line in (*topic.suggestions, *topic.information))
    assert set(BY_NAME) == {t.name for t in TOPICS}


@pytest.mark.parametrize("topic", ["money", "sleep", "exams", "job_loss", "procrastination",
                                   "job_insecurity", "hard_talk"])
def test_a_suggestion_to_a_told_trouble_is_one_of_its_steps(topic: str) -> None:
    story = {"money": "Rent is due friday and I'm 300 short.",
             "sleep": "I can't sleep, I've been awake every night till 4am.",
             "exams": "My exams start next week and I haven't started studying.",
             "job_loss": "I got laid off this morning.",
             "procrastination": "I have a huge problem with procrastination!",
             "job_insecurity": "My company is talking about layoffs and I'm scared.",
             "hard_talk": "I failed my class and I'm scared to tell my parents."}[topic]
    replies = talk([story, "I don't know.", "What should I do?", "Anything else?"],
                   Strategy.SUGGESTION, asked_first=2)
    steps = BY_NAME[topic].suggestions
    assert any(step in replies[0] for step in steps), replies
    # said once, a step is not said again: the next suggestion is another of them
    assert replies[1] != replies[0] and any(step in replies[1] for step in steps), replies


def test_a_step_given_long_ago_in_a_long_chat_is_not_given_again() -> None:
    # the prompt keeps the last 12 turns; a step given before them is still given
    texts = ["Rent is due friday and I'm 300 short.", "I don't know."]
    for _ in range(6):
        texts += ["What should I do?", *["Okay."] * 4]
    replies = talk(texts, Strategy.SUGGESTION, asked_first=1)
    given = [step for step in BY_NAME["money"].suggestions for r in replies
             if step.lower() in r.lower()]
    assert given and len(given) == len(set(given)), given


def test_information_about_a_told_trouble_is_one_of_its_facts() -> None:
    reply = talk(["I keep having panic attacks at work.", "Is this normal?"],
                 Strategy.INFORMATION, asked_first=1)[-1]
    assert any(fact in reply for fact in BY_NAME["panic"].information), reply


def test_a_trouble_with_a_name_of_its_own_is_said_by_it() -> None:
    # ESConv valid: "How are you coping with your shift day to day?" to drinking at work
    said = talk(["I have started drinking at work close to the end of my shift in the bathroom"],
                Strategy.QUESTION)[-1]
    assert "your shift" not in said, said
    reply = talk(["Well, i have a problem with drinking alcohol I am so scared my job will "
                  "find out", "what should i do?"], Strategy.SUGGESTION, asked_first=1)[-1]
    assert any(step in reply for step in BY_NAME["drinking"].suggestions), reply


def test_other_strategies_and_no_trouble_keep_their_own_lines() -> None:
    every = {line for t in TOPICS for line in (*t.suggestions, *t.information)}
    asked = talk(["Rent is due friday and I'm 300 short."], Strategy.QUESTION)[-1]
    assert not any(line in asked for line in every)
    plain = talk(["I feel so down today.", "What should I do?"], Strategy.SUGGESTION,
                 asked_first=1)[-1]
    assert not any(line in plain for line in every)


def test_a_user_s_own_step_is_built_on_instead_of_ours() -> None:
    reply = talk(["Rent is due friday and I'm 300 short.", "Maybe I could ask my boss for an "
                  "advance."], Strategy.SUGGESTION, asked_first=1)[-1]
    assert "advance" in reply or "pick a time" in reply.lower(), reply
    assert not any(step in reply for step in BY_NAME["money"].suggestions)


def test_the_prompt_names_the_topic_and_a_step_for_a_chat_model() -> None:
    history = [DialogueTurn("user", "I can't sleep at night."), DialogueTurn("Sage", "Oh no."),
               DialogueTurn("user", "What should I do?")]
    request = ResponseRequest(user_text="What should I do?", history=history,
                              strategy=Strategy.SUGGESTION, user_affect=SAD, persona_name="Sage")
    system = build_messages(request)[0]
    assert "sleep trouble" in str(system.content)
    assert BY_NAME["sleep"].suggestions[0] in str(system.content)
    assert system.additional_kwargs["affect"]["topic"] == "sleep"
    asked = build_messages(ResponseRequest(
        user_text="What should I do?", history=history, strategy=Strategy.QUESTION,
        user_affect=SAD, persona_name="Sage"))[0]  # fmt: skip
    assert "A first step" not in str(asked.content)
    # a step the agent gave, long ago, is not named again: the next one is
    given = [DialogueTurn("user", "I can't sleep at night."),
             DialogueTurn("Sage", "Oh, " + BY_NAME["sleep"].suggestions[0].lower()),
             *[DialogueTurn(who, "Okay.") for _ in range(10) for who in ("user", "Sage")],
             DialogueTurn("user", "What should I do?")]
    later = build_messages(ResponseRequest(
        user_text="What should I do?", history=given, strategy=Strategy.SUGGESTION,
        user_affect=SAD, persona_name="Sage"))[0]  # fmt: skip
    assert BY_NAME["sleep"].suggestions[1] in str(later.content)
    assert later.additional_kwargs["affect"]["steps_given"] == [BY_NAME["sleep"].suggestions[0]]


def test_being_laid_off_is_a_trouble_told() -> None:
    assert tells_trouble("I got laid off this morning.")
    assert tells_trouble("They laid me off after ten years.")
    assert not tells_trouble("They let me go to the concert.")


def test_a_character_in_a_world_of_its_own_names_no_real_world_steps() -> None:
    from agent.config import load_persona

    assert load_persona("grim").real_world_advice is False
    assert load_persona("sage").real_world_advice is True
    history = [DialogueTurn("user", "Rent is due friday and I'm 300 short."),
               DialogueTurn("Grim", "Hm."), DialogueTurn("user", "What should I do?")]
    every = {line for t in TOPICS for line in (*t.suggestions, *t.information)}
    for in_world in (True, False):
        request = ResponseRequest(user_text="What should I do?", history=history,
                                  strategy=Strategy.SUGGESTION, user_affect=SAD,
                                  persona_name="Grim", real_world_advice=not in_world)
        reply = Responder().respond(request)
        prompt = str(build_messages(request)[0].content)
        assert any(line in reply for line in every) is not in_world, reply
        assert ("money trouble" in prompt) is not in_world


def test_care_for_someone_is_presumed_only_of_someone_close() -> None:
    from agent.responder_phrases import PRESUMES_CARE, TEMPLATES

    assert PRESUMES_CARE <= set(TEMPLATES[Strategy.AFFIRMATION])  # names a real template
    caring = next(iter(PRESUMES_CARE)).split("{")[0].lower()  # "you clearly care about "

    def affirmations(text: str) -> set[str]:  # every affirmation that fits, one per turn
        return set(talk([text] * 6, Strategy.AFFIRMATION))

    assert any(caring in r.lower() for r in affirmations("My sister keeps fighting with me."))
    assert not any(caring in r.lower() for r in affirmations("My manager keeps adding more."))
    # one who left, named by a pronoun (ESConv train: "You clearly care about your boyfriend"
    # after "out of nowhere he dumped me")
    left = talk(["We planned a wedding and out of nowhere he dumped me."]
                + ["My boyfriend never wanted me to join groups."] * 5, Strategy.AFFIRMATION)
    assert not any(caring in r.lower() for r in left), left
    # one who died, told further back than the twelve turns the prompt keeps (ESConv train:
    # "You clearly care about your boyfriend" seven messages on)
    died = talk(["It's three years since I lost my boyfriend in a car accident."]
                + ["It is still hard some days."] * 7
                + ["His family didn't treat my boyfriend very good."] * 3, Strategy.AFFIRMATION)
    assert not any(caring + "your boyfriend" in r.lower() for r in died[8:]), died[8:]
    # ESConv train: "You clearly care about your family" to "i am estranged from my family"
    apart = talk(["i am just nervous about this whole thing i am estranged from my family"] * 6,
                 Strategy.AFFIRMATION)
    assert not any(caring in r.lower() for r in apart), apart
    # ESConv train: "What do you think your friend would say" of a friend who hates them
    hated = talk(["My friend of 5 years said that they hated me."] * 6)
    assert not any("your friend would say" in r for r in hated), hated
    # ESConv train: "You clearly care about your friends" of friends who bully
    bullied = talk(["All my friends have distant from me and they ganged up on me to bully me"]
                   * 6, Strategy.AFFIRMATION)
    assert not any(caring in r.lower() for r in bullied), bullied
    # ESConv train, misspelt: "What do you think your boyfriend would say if you told him how
    # you feel?"
    abusive = talk(["My boyfriend was very abusve and is very doubtful of me, so I need to be "
                    "broke up with him."] * 6)
    assert not any("your boyfriend would say" in r for r in abusive), abusive


def test_a_home_is_presumed_only_with_someone_close() -> None:
    # ESConv valid: "Could you talk to your doctor about it, maybe tonight when things are calm?"
    from agent.responder_phrases import PRESUMES_HOME, TEMPLATES

    assert PRESUMES_HOME <= set(TEMPLATES[Strategy.SUGGESTION])
    tonight = "maybe tonight when things are calm"

    def suggestions(text: str) -> set[str]:
        return set(talk([text] * 6, Strategy.SUGGESTION))

    assert any(tonight in r for r in suggestions("My sister keeps fighting with me."))
    assert not any(tonight in r for r in suggestions("My doctor won't sign the form I need."))
    # ESConv valid: "Could you talk to your friends about it, maybe tonight when things are
    # calm?" to "I go out with my friends regularly."
    assert not any(tonight in r for r in suggestions("My friends keep leaving me out."))


def test_asked_to_recommend_a_counsellor_the_agent_says_how_to_find_one() -> None:
    # ESConv valid: "Try giving yourself a quiet hour tonight" answered this
    story = "I just found out that my husband has been cheating on me."
    reply = talk([story, "i will look into this. can you recommend a counceller hello"],
                 Strategy.SUGGESTION, asked_first=1)[-1]
    assert any(step[1:] in reply for step in BY_NAME["finding_help"].suggestions), reply
    # asked once, it is not what the next trouble is about
    assert topic_of("i feel ashamed now when i look at myself",
                    ["can you recommend a counceller"]) is None
