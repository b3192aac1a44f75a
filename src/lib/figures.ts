// The guide's illustrations: one name each, used in MDX as <Figure name="..." />.
// Each is a hand-drawn SVG in src/illustrations/<name>.svg, inlined into the
// page. The caption is shown; the description is the text alternative and
// says the movement step by step, for anyone who cannot see the drawing.
// Where a drawing shows a start and an end, it says so in words on the
// drawing too ("Start" and "End", or "1 Start" and "2 End").
export const FIGURES = {
  'calf-anatomy': {
    caption: 'The calf from behind: two muscles and the Achilles tendon',
    description:
      'The back of the lower leg. The big calf muscle you can see (gastrocnemius) has two bulges just below the knee. The flatter muscle under it (soleus) shows at each side lower down. Both join the Achilles tendon, a strong band that runs down the back of the ankle to the heel bone.',
  },
  'calf-raise-straight-knee': {
    caption: 'Calf raise, knee straight',
    description:
      'Side view, facing a wall, a hand on it for balance. Start: stand on flat feet, knees straight. End: rise onto the balls of your feet, heels up, knees still straight. Then lower your heels slowly.',
  },
  'calf-raise-bent-knee': {
    caption: 'Calf raise, knee bent',
    description:
      'Side view, facing a wall, a hand on it for balance. Start: stand on flat feet, knees bent a little. End: keeping the knees bent the same amount, rise onto the balls of your feet. Then lower your heels slowly.',
  },
  'heel-drop': {
    caption: 'Heel drop on one leg, holding the rail',
    description:
      'Two side views on a stair, a hand on the rail. 1, Start: one foot on the edge of the step, up on your toes. 2, End: that heel lowered slowly, to 3, a little below the step.',
  },
  'wall-stretch-straight-knee': {
    caption: 'Wall calf stretch, back knee straight',
    description:
      'Side view. Face a wall with both hands on it. One foot forward with the knee bent. The other foot back, its knee straight, so that leg makes one straight line from hip to heel, with the heel pressed to the floor. Lean your hips towards the wall until you feel a stretch in the back calf. Hold.',
  },
  'wall-stretch-bent-knee': {
    caption: 'Wall calf stretch, back knee bent',
    description:
      'Side view. Face a wall with both hands on it, one foot forward and one back. Bend the back knee and keep that heel on the floor, then sink down and forward until you feel a stretch low in the back calf, near the ankle. Hold.',
  },
  'toe-raise': {
    caption: 'Toe raise for the shin',
    description:
      'Side view. Stand with your back against a wall, feet flat and a little in front of you; the pale foot shows this start. Keeping your heels on the floor, lift the front of your feet and toes up towards your shins, as the solid foot shows. Then lower them slowly.',
  },
  'calf-roll': {
    caption: 'Rolling the calf on a foam roller',
    description:
      'Side view. Sit on the floor with one calf resting on a foam roller, the other knee bent with that foot on the floor, and your hands on the floor behind you. Lift your hips a little and roll slowly from just above the ankle up to just below the knee and back. Not in the first 2 to 3 days after a strain, and never on a swollen calf.',
  },
} as const satisfies Record<string, { caption: string; description: string }>;

export type FigureName = keyof typeof FIGURES;
