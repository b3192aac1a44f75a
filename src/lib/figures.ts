// The guide's illustrations: one name each, used in MDX as <Figure name="..." />.
// The caption is shown; the description is the text alternative.
export const FIGURES = {
  'calf-anatomy': { caption: 'The calf: two muscles and the Achilles tendon', description: 'The back of the lower leg.' },
  'calf-raise-straight-knee': { caption: 'Calf raise, knee straight', description: 'Rise onto the toes with the knee straight.' },
  'calf-raise-bent-knee': { caption: 'Calf raise, knee bent', description: 'Rise onto the toes with the knee bent.' },
  'heel-drop': { caption: 'Heel drop off a step', description: 'Lower the heel slowly below the step.' },
  'wall-stretch-straight-knee': { caption: 'Wall calf stretch, back knee straight', description: 'Lean on a wall with the back knee straight.' },
  'wall-stretch-bent-knee': { caption: 'Wall calf stretch, back knee bent', description: 'Lean on a wall with the back knee bent.' },
  'toe-raise': { caption: 'Toe raise for the shin', description: 'Lift the toes with the heels on the floor.' },
  'calf-roll': { caption: 'Rolling the calf', description: 'Roll the calf slowly over a foam roller.' },
} as const satisfies Record<string, { caption: string; description: string }>;

export type FigureName = keyof typeof FIGURES;
